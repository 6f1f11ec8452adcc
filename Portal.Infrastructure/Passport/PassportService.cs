using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure.Passport;

/// <summary>One credential as its holder sees it in their passport.</summary>
public sealed record PassportEntry(Guid Id, AchievementKind Kind, string AchievementName, string NameAtIssue, DateTime ValidFromUtc, DateTime? ValidUntilUtc, bool Revoked, string? RevokedReason, bool Expired);

/// <summary>A share link as its holder sees it (the link itself was shown once, when made).</summary>
public sealed record PassportShareEntry(Guid Id, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, bool Open, bool Withdrawn, int Views, int Credentials);

/// <summary>A credential an admin or a manager may revoke.</summary>
public sealed record RevocableCredential(Guid Id, string HolderName, string AchievementName, DateTime ValidFromUtc, bool Revoked, string? RevokedReason);

/// <summary>
/// The training passport: issues each achievement once as a signed credential, lists what a person
/// holds, revokes, and shares chosen credentials through links with an expiry.
/// </summary>
public sealed class PassportService(PortalDbContext db, CredentialSigner signer, PassportUrls urls, IOptions<PassportOptions> options,
    IOptions<ContentOptions> contentOptions, IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>Up to half of a list's bits are handed out before the next list starts, so a free random index is quick to find.</summary>
    private const int CredentialsPerList = CredentialJson.StatusListLength / 2;

    /// <summary>
    /// Issues a credential for every achievement of the person that has none yet (every passed
    /// module, every sign-off in force, the Care Certificate once every standard is covered), and
    /// revokes the credential of a sign-off since withdrawn. Issued lazily, when the passport is
    /// opened or shared, so achievements from before the passport existed are covered too. Safe to
    /// run twice or on two nodes at once: each achievement's key is unique per person, so the
    /// second insert loses and the first credential stands.
    /// </summary>
    public async Task<int> IssueDueAsync(string userId, ContentSet content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (user?.Email is not { Length: > 0 } email)
            return 0;
        var issued = await db.Set<PassportCredential>().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        var held = issued.Select(c => c.SourceKey).ToHashSet(StringComparer.Ordinal);
        var completions = await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CompletedAtUtc).ToListAsync(cancellationToken);
        var log = await db.Set<CompetencyRecord>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var staff = await db.Set<Membership>().AsNoTracking().Where(m => m.UserId == userId && m.Role == MembershipRole.Staff).OrderBy(m => m.StartedAtUtc).ToListAsync(cancellationToken);
        Guid? WorkedAt(DateTime at) => staff.FirstOrDefault(m => m.StartedAtUtc <= at && (m.EndedAtUtc is null || m.EndedAtUtc > at))?.OrganisationId;

        var due = new List<(string SourceKey, Guid? Organisation, Func<Guid, int, int, CredentialFacts> Facts)>();
        foreach (var completion in completions)
        {
            var key = $"completion:{completion.Id}";
            var name = completion.CertificateName ?? user.DisplayName;
            if (held.Contains(key) || string.IsNullOrWhiteSpace(name))
                continue;
            content.Modules.TryGetValue(completion.ModuleSlug, out var module);
            due.Add((key, WorkedAt(completion.CompletedAtUtc), (id, list, index) => ModuleFacts(id, completion, module, name, email, list, index)));
        }

        var withdrawn = log.Where(r => r.Kind == CompetencyRecordKind.Revoked && r.RevokesId is not null).ToDictionary(r => r.RevokesId!.Value);
        foreach (var signOff in log.Where(r => r.Kind == CompetencyRecordKind.SignedOff))
        {
            var key = $"competency:{signOff.Id}";
            if (withdrawn.TryGetValue(signOff.Id, out var revoke))
            {
                // The sign-off no longer stands, so neither does the credential that says it does.
                if (issued.FirstOrDefault(c => c.SourceKey == key) is { Revoked: false } credential)
                    credential.Revoke($"The sign-off was withdrawn: {revoke.Note}", revoke.RecordedBy, clock.GetUtcNow().UtcDateTime);
                continue;
            }
            if (held.Contains(key) || string.IsNullOrWhiteSpace(user.DisplayName))
                continue;
            content.Competencies.TryGetValue(signOff.CompetencySlug, out var competency);
            due.Add((key, signOff.OrganisationId, (id, list, index) => CompetencyFacts(id, signOff, competency, user.DisplayName, email, list, index)));
        }
        await db.SaveChangesAsync(cancellationToken);

        const string careCertificate = "care-certificate";
        var standards = LearnVocabulary.CareCertificateStandards;
        var since = CareCertificateHeld.Since(standards.Keys, completions.Select(c =>
            (c.CompletedAtUtc, (IReadOnlyCollection<int>)(content.Modules.TryGetValue(c.ModuleSlug, out var m) ? m.CareCertificateStandards : []))));
        if (since is { } heldSince && !held.Contains(careCertificate) && !string.IsNullOrWhiteSpace(user.DisplayName))
            due.Add((careCertificate, WorkedAt(heldSince), (id, list, index) => CareCertificateFacts(id, heldSince, user.DisplayName, email, list, index)));

        var count = 0;
        foreach (var (sourceKey, organisation, facts) in due)
        {
            if (await IssueAsync(userId, sourceKey, organisation, facts, cancellationToken))
                count++;
        }
        return count;
    }

    private async Task<bool> IssueAsync(string userId, string sourceKey, Guid? organisation, Func<Guid, int, int, CredentialFacts> makeFacts, CancellationToken cancellationToken)
    {
        var list = 1 + (await db.Set<PassportCredential>().CountAsync(cancellationToken) / CredentialsPerList);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Indexes at random, as the Bitstring Status List advises, so a list says nothing about the order of issue.
            var facts = makeFacts(Guid.NewGuid(), list, RandomNumberGenerator.GetInt32(CredentialJson.StatusListLength));
            var payload = CredentialJson.Payload(facts, urls, Issuer(), Guid.NewGuid(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            var (jws, keyId) = await signer.SignAsync(payload, cancellationToken);
            var credential = PassportCredential.Issue(facts.Id, userId, facts.Kind, sourceKey, urls.Achievement(facts.AchievementPath), facts.AchievementName,
                facts.NameAtIssue, organisation, CredentialJson.ToSecond(facts.ValidFromUtc), facts.ValidUntilUtc is { } u ? CredentialJson.ToSecond(u) : null,
                facts.StatusList, facts.StatusIndex, keyId, jws, clock.GetUtcNow().UtcDateTime);
            db.Add(credential);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.Entry(credential).State = EntityState.Detached;
                // Issued a moment ago by another request or node: theirs stands. Otherwise the random
                // index was taken: draw another.
                if (await db.Set<PassportCredential>().AnyAsync(c => c.UserId == userId && c.SourceKey == sourceKey, cancellationToken))
                    return false;
            }
        }
        throw new InvalidOperationException("No free status list index was found after five tries.");
    }

    /// <summary>The issuer Profile every credential carries.</summary>
    public System.Text.Json.Nodes.JsonObject Issuer()
    {
        var name = FirstSet(options.Value.IssuerName, contentOptions.Value.Operator.Name, mail.Value.FromName) ?? "Health and Care Portal";
        return CredentialJson.IssuerProfile(urls, name, FirstSet(options.Value.IssuerEmail, contentOptions.Value.Operator.Email));
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static CredentialFacts ModuleFacts(Guid id, Completion completion, LearningModule? module, string name, string email, int list, int index)
    {
        var title = module?.Title ?? completion.ModuleSlug;
        var criteria = module is null
            ? $"Passed the quiz of the training module {title} with {completion.Score} of {completion.OutOf} correct."
            : $"Read all {module.Lessons.Count} lessons of the module and passed its quiz, which needs {module.Quiz.PassMark} of {module.Quiz.Questions.Count} answers right (scored {completion.Score} of {completion.OutOf}).";
        return new CredentialFacts(id, AchievementKind.Module, $"modules/{completion.ModuleSlug}/{completion.ContentVersion}", "Course", title,
            module?.Summary ?? $"The training module {title}.", criteria, completion.ContentVersion,
            Standards(module?.CareCertificateStandards ?? []), name, email, completion.CompletedAtUtc,
            completion.ExpiresAtUtc(module?.RefreshMonths), list, index);
    }

    private static CredentialFacts CompetencyFacts(Guid id, CompetencyRecord signOff, Competency? competency, string name, string email, int list, int index)
    {
        var title = competency?.Title ?? signOff.CompetencySlug;
        var steps = (signOff.StepsObserved ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var criteria = $"Observed at work by a registered practitioner, who saw every step of the checklist done safely: {string.Join("; ", steps)}.";
        var observed = signOff.On.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var reviewMonths = competency?.ReviewMonths ?? 12;
        return new CredentialFacts(id, AchievementKind.Competency, $"competencies/{signOff.CompetencySlug}/{signOff.ChecklistVersion}", "Competency", title,
            competency?.Summary ?? $"Competency in {title}.", criteria, signOff.ChecklistVersion, [], name, email, observed,
            CompetencyStanding.ExpiresAtUtc(signOff.On, reviewMonths), list, index);
    }

    private static CredentialFacts CareCertificateFacts(Guid id, DateTime since, string name, string email, int list, int index) =>
        new(id, AchievementKind.CareCertificate, "care-certificate/2025", "Certificate", "Care Certificate (all 16 standards)",
            "The induction standard for new health and social care workers in England: all 16 standards since March 2025.",
            "Passed training modules that together cover each of the 16 Care Certificate standards. (The employer's own observation of practice is recorded separately.)",
            "2025", Standards(LearnVocabulary.CareCertificateStandards.Keys), name, email, since, null, list, index);

    private static List<(int, string)> Standards(IEnumerable<int> numbers) =>
        [.. numbers.Select(n => (n, LearnVocabulary.CareCertificateStandards.TryGetValue(n, out var t) ? t : $"Standard {n}"))];

    /// <summary>Everything the person holds, current and expired, newest first.</summary>
    public async Task<IReadOnlyList<PassportEntry>> HeldAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<PassportCredential>().AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.Kind, c.AchievementName, c.NameAtIssue, c.ValidFromUtc, c.ValidUntilUtc, c.RevokedAtUtc, c.RevokedReason })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(c => c.ValidFromUtc).ThenBy(c => c.AchievementName, StringComparer.CurrentCulture)
            .Select(c => new PassportEntry(c.Id, c.Kind, c.AchievementName, c.NameAtIssue, c.ValidFromUtc, c.ValidUntilUtc, c.RevokedAtUtc is not null, c.RevokedReason,
                c.ValidUntilUtc is { } until && until <= now))];
    }

    /// <summary>The signed credential, for its holder only (anyone else's id is not found).</summary>
    public Task<string?> OwnJwsAsync(string userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PassportCredential>().AsNoTracking().Where(c => c.Id == id && c.UserId == userId).Select(c => c.Jws).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A credential for its public page: what it says and whether it stands today. Public by design: its id is 122 random bits.</summary>
    public async Task<PassportEntry?> PublicAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var c = await db.Set<PassportCredential>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return c is null ? null : Entry(c);
    }

    /// <summary>The signed text behind a public page, for the download there.</summary>
    public Task<string?> PublicJwsAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PassportCredential>().AsNoTracking().Where(c => c.Id == id).Select(c => c.Jws).FirstOrDefaultAsync(cancellationToken);

    private PassportEntry Entry(PassportCredential c) =>
        new(c.Id, c.Kind, c.AchievementName, c.NameAtIssue, c.ValidFromUtc, c.ValidUntilUtc, c.Revoked, c.RevokedReason, c.ExpiredAt(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Credentials the person may revoke: every one for an admin; for a manager, those earned at an
    /// organisation they manage. Newest first, at most 200, optionally those whose holder's name contains the words.
    /// </summary>
    public async Task<IReadOnlyList<RevocableCredential>> RevocableAsync(string actorId, bool isAdmin, string? name, CancellationToken cancellationToken = default)
    {
        var query = Scoped(actorId, isAdmin);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var words = name.Trim();
            query = query.Where(c => c.NameAtIssue.Contains(words));
        }
        return await query.OrderByDescending(c => c.IssuedAtUtc).Take(200)
            .Select(c => new RevocableCredential(c.Id, c.NameAtIssue, c.AchievementName, c.ValidFromUtc, c.RevokedAtUtc != null, c.RevokedReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes at once: the published status list is built from this table on every request.</summary>
    public async Task<Result> RevokeAsync(string actorId, bool isAdmin, Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        var credential = await Scoped(actorId, isAdmin).AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null)
            return Result.NotFound();
        if (credential.Revoked)
            return Result.Invalid("", "This credential was already revoked");
        if (PassportCredential.RevokeProblem(reason) is { } problem)
            return Result.Invalid("Reason", problem);
        credential.Revoke(reason!, actorId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private IQueryable<PassportCredential> Scoped(string actorId, bool isAdmin)
    {
        var all = db.Set<PassportCredential>().AsNoTracking();
        if (isAdmin)
            return all;
        var managed = db.Set<Membership>().Where(m => m.UserId == actorId && m.Role == MembershipRole.Manager && m.EndedAtUtc == null).Select(m => (Guid?)m.OrganisationId);
        return all.Where(c => managed.Contains(c.OrganisationId));
    }

    /// <summary>The revoked indexes of a status list, and when it last changed (its validFrom).</summary>
    public async Task<(IReadOnlyList<int> Revoked, DateTime ChangedAtUtc)?> StatusListAsync(int list, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<PassportCredential>().AsNoTracking().Where(c => c.StatusList == list)
            .Select(c => new { c.StatusIndex, c.RevokedAtUtc, c.IssuedAtUtc }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return list == 1 ? ([], CredentialJson.ToSecond(clock.GetUtcNow().UtcDateTime)) : null;
        var changed = rows.Max(r => r.RevokedAtUtc) ?? rows.Min(r => r.IssuedAtUtc);
        return ([.. rows.Where(r => r.RevokedAtUtc is not null).Select(r => r.StatusIndex)], changed);
    }

    /// <summary>Whether the credential at this place of a list is revoked; null when we hold no such credential.</summary>
    public async Task<bool?> RevokedAsync(int list, int index, CancellationToken cancellationToken = default) =>
        await db.Set<PassportCredential>().AsNoTracking().Where(c => c.StatusList == list && c.StatusIndex == index)
            .Select(c => (bool?)(c.RevokedAtUtc != null)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Makes a share link for the chosen credentials of the person, until the end of the given UK day. Answers the link's token (shown once).</summary>
    public async Task<Result<string>> ShareAsync(string userId, IReadOnlyCollection<Guid> credentialIds, DateOnly? lastDay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentialIds);
        var ids = credentialIds.Distinct().ToList();
        if (lastDay is null)
            return Result.Invalid("LastDay", "Enter the last day the link should work");
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = TimeZoneInfo.ConvertTimeToUtc(lastDay.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime.Zone);
        if (PassportShare.CreateProblem(ids.Count, expires, now) is { } problem)
            return Result.Invalid(ids.Count == 0 ? "Credentials" : "LastDay", problem);
        var own = await db.Set<PassportCredential>().CountAsync(c => c.UserId == userId && ids.Contains(c.Id), cancellationToken);
        if (own != ids.Count)
            return Result.NotFound();
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        db.Add(PassportShare.Create(userId, Hash(token), ids, expires, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(token);
    }

    public async Task<IReadOnlyList<PassportShareEntry>> SharesAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<PassportShare>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Id, s.CreatedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc, s.Views, Count = s.Items.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(s => s.CreatedAtUtc)
            .Select(s => new PassportShareEntry(s.Id, s.CreatedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc is null && now < s.ExpiresAtUtc, s.WithdrawnAtUtc is not null, s.Views, s.Count))];
    }

    public async Task<Result> WithdrawShareAsync(string userId, Guid shareId, CancellationToken cancellationToken = default)
    {
        var share = await db.Set<PassportShare>().FirstOrDefaultAsync(s => s.Id == shareId && s.UserId == userId, cancellationToken);
        if (share is null)
            return Result.NotFound();
        share.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The credentials behind an open share link, counting the view; null when the link is unknown, withdrawn or past its date.</summary>
    public async Task<IReadOnlyList<PassportEntry>?> OpenShareAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        // One conditional UPDATE counts the view and proves the link is open, with no read-modify-write race.
        var opened = await db.Set<PassportShare>().Where(s => s.TokenHash == hash && s.WithdrawnAtUtc == null && s.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Views, x => x.Views + 1), cancellationToken);
        if (opened == 0)
            return null;
        var ids = db.Set<PassportShare>().Where(s => s.TokenHash == hash).SelectMany(s => s.Items.Select(i => i.CredentialId));
        var credentials = await db.Set<PassportCredential>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return [.. credentials.OrderByDescending(c => c.ValidFromUtc).Select(Entry)];
    }

    /// <summary>The signed texts behind an open share link, counting the view; null when the link is not open.</summary>
    public async Task<IReadOnlyList<string>?> OpenShareJwsAsync(string token, CancellationToken cancellationToken = default)
    {
        if (await OpenShareAsync(token, cancellationToken) is not { } entries)
            return null;
        var ids = entries.Select(e => e.Id).ToList();
        return await db.Set<PassportCredential>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Jws).ToListAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

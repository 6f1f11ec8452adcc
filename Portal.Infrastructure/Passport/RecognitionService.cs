using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Passport;

/// <summary>A member of staff a manager may recognise credentials for.</summary>
public sealed record RecognitionStaff(long MembershipId, Guid OrganisationId, string OrganisationName, string UserId, string Name);

/// <summary>One credential found in what the manager gave, what it would count as, or why it cannot count.</summary>
public sealed record FoundCredential(CredentialCheck Check, string Jws, string? ModuleSlug, string? ModuleTitle, string? Problem)
{
    public bool Recognisable => Problem is null;
}

/// <summary>What was found, for the person it would be recognised for.</summary>
public sealed record Findings(RecognitionStaff Staff, IReadOnlyList<FoundCredential> Credentials);

/// <summary>A recognised credential as a manager sees it on the person's record.</summary>
public sealed record RecognisedEntry(string ModuleTitle, string AchievementName, string IssuerName, DateTime ValidFromUtc, DateTime? ValidUntilUtc, DateTime RecognisedAtUtc, DateTime LastCheckedAtUtc, bool Revoked, bool Counts);

/// <summary>
/// A manager takes a new starter's training passport: credentials from a share link, a pasted
/// .jwt or a badge image are verified (signature, dates, revocation, issuer on the trust list,
/// issued to this person's email address), matched to our modules (our own achievements to
/// themselves, others' through the equivalence table), and on confirmation recorded so they count
/// in the organisation's matrix while they stand. Only for staff of an organisation the manager manages.
/// </summary>
public sealed class RecognitionService(PortalDbContext db, OrganisationService organisations, PassportVerifier verifier, PassportService passport, PassportUrls urls,
    TrustList trust, IssuerFetcher fetcher, ContentStore content, AuditLog audit, TimeProvider clock)
{
    /// <summary>More than any new starter brings; a link or paste with more is cut here.</summary>
    public const int MaxCredentials = 30;

    public const string SharedPath = "/passport/shared/";

    /// <summary>The member of staff, if the manager manages their organisation; null otherwise (404).</summary>
    public async Task<RecognitionStaff?> StaffAsync(string managerId, long membershipId, CancellationToken cancellationToken = default)
    {
        var managed = organisations.OrganisationsOf(managerId, MembershipRole.Manager);
        var row = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.Id == membershipId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null && managed.Contains(m.OrganisationId))
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.OrganisationId, o.Name, m.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Id, x.OrganisationId, x.Name, x.UserId, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new RecognitionStaff(row.Id, row.OrganisationId, row.Name, row.UserId, PortalUser.ShownName(row.DisplayName, row.Email));
    }

    /// <summary>Checks what the manager gave (one of: a share link, credential text, a badge image) and says what each credential would count as. Stores nothing.</summary>
    public async Task<Result<Findings>> FindAsync(string managerId, long membershipId, string? shareLink, string? jws, byte[]? badge, CancellationToken cancellationToken = default)
    {
        if (await StaffAsync(managerId, membershipId, cancellationToken) is not { } staff)
            return Result.NotFound();
        List<string> texts;
        if (badge is { Length: > 0 })
        {
            var extracted = BakedPng.Extract(badge);
            if (extracted.Problem is { } problem)
                return Result.Invalid("Badge", problem);
            texts = [extracted.Text!];
        }
        else if (!string.IsNullOrWhiteSpace(jws))
        {
            texts = [.. jws.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxCredentials)];
        }
        else if (!string.IsNullOrWhiteSpace(shareLink))
        {
            var shared = await SharedAsync(shareLink.Trim(), cancellationToken);
            if (shared.Problem is { } problem)
                return Result.Invalid("ShareLink", problem);
            texts = shared.Texts!;
        }
        else
        {
            return Result.Invalid("", "Paste a passport share link or the credential text, or upload a badge image");
        }
        return Result.Done(new Findings(staff, await InterpretAsync(staff, texts, cancellationToken)));
    }

    /// <summary>
    /// Records every credential that still checks out and counts as a module (each is verified
    /// again: the form's copy is not trusted). A credential already recognised for the person here
    /// is left as it is, so a second confirm changes nothing.
    /// </summary>
    public async Task<Result<int>> RecogniseAsync(string managerId, long membershipId, IReadOnlyList<string> jwsList, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jwsList);
        if (await StaffAsync(managerId, membershipId, cancellationToken) is not { } staff)
            return Result.NotFound();
        var found = await InterpretAsync(staff, [.. jwsList.Take(MaxCredentials)], cancellationToken);
        var good = found.Where(f => f.Recognisable).ToList();
        if (good.Count == 0)
            return Result.Invalid("", found.Select(f => f.Problem).FirstOrDefault() ?? "There was nothing to recognise. Check the passport again");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in good)
        {
            var c = f.Check;
            db.Add(Recognition.Record(staff.OrganisationId, staff.UserId, c.CredentialUri!, c.IssuerUrl!, c.IssuerName ?? c.IssuerUrl!, c.AchievementId!,
                c.AchievementName ?? f.ModuleTitle!, f.ModuleSlug!, c.ValidFromUtc!.Value, c.ValidUntilUtc, c.StatusListUrl, c.StatusIndex, managerId, now));
            audit.Add(AuditAction.CredentialRecognised, AuditSubject.Account, staff.UserId, staff.OrganisationId, $"{c.AchievementName} from {c.IssuerName}, counted as {f.ModuleTitle}");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recognised a moment ago by another request: that one stands.
            return Result.Done(0);
        }
        return Result.Done(good.Count);
    }

    private async Task<List<FoundCredential>> InterpretAsync(RecognitionStaff staff, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == staff.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var already = await db.Set<Recognition>().AsNoTracking().Where(r => r.OrganisationId == staff.OrganisationId && r.UserId == staff.UserId)
            .Select(r => r.CredentialId).ToListAsync(cancellationToken);
        var set = content.Current;
        var found = new List<FoundCredential>();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            var check = await verifier.CheckAsync(text, cancellationToken);
            var module = check.Problem is null ? ModuleFor(check, set) : null;
            var title = module is not null && set.Modules.TryGetValue(module, out var m) ? m.Title : null;
            var problem = check.Problem
                ?? (check.Revoked == true ? "Its issuer has revoked it."
                : check.Revoked is null ? "Its issuer holds no record of it now."
                : check.Expired ? $"It ran out on {check.ValidUntilUtc!.Value.UkDate()}."
                : check.NotYetValid ? "It is not valid yet."
                : !check.IssuedTo(email) ? $"It was issued to a different email address from {staff.Name}'s, so it is not theirs to count."
                : module is null ? "It does not count as any of our modules: the equivalence table has no entry for it."
                : check.CredentialUri is null || check.AchievementId is null || check.ValidFromUtc is null ? "It has no id, so it cannot be recorded."
                : already.Contains(check.CredentialUri) ? "It is already recognised for them here."
                : null);
            found.Add(new FoundCredential(check, text, module, title, problem));
        }
        return found;
    }

    /// <summary>Which of our modules a credential counts as: our own module achievements as themselves, others' by the equivalence table.</summary>
    private string? ModuleFor(CredentialCheck check, ContentSet set)
    {
        if (check.AchievementId is not { } achievement)
            return null;
        if (check.TrustedIssuer is null)
        {
            var prefix = urls.Achievement("modules/");
            if (!achievement.StartsWith(prefix, StringComparison.Ordinal))
                return null;
            var slug = achievement[prefix.Length..].Split('/')[0];
            return set.Modules.ContainsKey(slug) ? slug : null;
        }
        return set.Equivalences.ModuleFor(achievement, check.Standards);
    }

    /// <summary>The credential texts behind a share link: ours read from our tables, a trusted issuer's fetched from its site.</summary>
    private async Task<(List<string>? Texts, string? Problem)> SharedAsync(string link, CancellationToken cancellationToken)
    {
        const string notALink = "This is not a passport share link. It looks like https://…/passport/shared/ and a long code";
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !uri.AbsolutePath.StartsWith(SharedPath, StringComparison.Ordinal) || uri.AbsolutePath.Length <= SharedPath.Length)
            return (null, notALink);
        var token = uri.AbsolutePath[SharedPath.Length..];
        if (token.Contains('/', StringComparison.Ordinal))
            return (null, notALink);
        if (link.StartsWith(urls.Site + SharedPath, StringComparison.Ordinal))
        {
            if (await passport.OpenShareAsync(token, cancellationToken) is not { } entries)
                return (null, "This share link has expired or was withdrawn. Ask them for a new one");
            var texts = new List<string>();
            foreach (var entry in entries.Take(MaxCredentials))
            {
                if (await passport.PublicJwsAsync(entry.Id, cancellationToken) is { } text)
                    texts.Add(text);
            }
            return (texts, null);
        }
        if (await trust.OnSiteAsync(uri, cancellationToken) is null)
            return (null, "This link is not from this portal or from an issuer on the trust list, so it cannot be checked here");
        var (body, problem) = await fetcher.GetAsync(uri.GetLeftPart(UriPartial.Path) + "?handler=Credentials", cancellationToken);
        if (body is null)
            return (null, $"The shared passport could not be fetched: {problem} It may have expired or been withdrawn");
        return ([.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxCredentials)], null);
    }

    /// <summary>
    /// Checks the issuers' status lists for recognitions that may still count, in id order, a batch
    /// at a time, and records each answer; a revoked one stops counting. An issuer that cannot be
    /// reached leaves the last check as it was, for the next run. Safe to run twice or to kill: each
    /// batch is saved before the next, and a check only ever moves a recognition towards revoked.
    /// </summary>
    public async Task<(int Checked, int Revoked)> CheckStandingAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var issuers = (await db.Set<TrustedIssuer>().AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(t => t.IssuerUrl, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.AddedAtUtc).First(), StringComparer.Ordinal);
        var lists = new Dictionary<(string, int), bool?>();
        var due = await db.Set<Recognition>().AsNoTracking().Where(r => r.RevokedFoundAtUtc == null && (r.ValidUntilUtc == null || r.ValidUntilUtc > now))
            .OrderBy(r => r.RecognisedAtUtc).Select(r => r.Id).ToListAsync(cancellationToken);
        int seen = 0, revoked = 0;
        foreach (var chunk in due.Chunk(batchSize))
        {
            var batch = await db.Set<Recognition>().Where(r => chunk.Contains(r.Id) && r.RevokedFoundAtUtc == null).ToListAsync(cancellationToken);
            foreach (var recognition in batch)
            {
                bool? isRevoked = null;
                if (recognition.StatusListUrl is null || recognition.StatusIndex is not { } index)
                    isRevoked = false;
                else if (recognition.IssuerUrl == urls.Issuer)
                    isRevoked = urls.OwnStatusList(recognition.StatusListUrl) is { } own ? await passport.RevokedAsync(own, index, cancellationToken) ?? false : null;
                else if (issuers.TryGetValue(recognition.IssuerUrl, out var issuer))
                {
                    if (!lists.TryGetValue((recognition.StatusListUrl, index), out isRevoked))
                        lists[(recognition.StatusListUrl, index)] = isRevoked = (await verifier.ForeignRevokedAsync(issuer, recognition.StatusListUrl, index, cancellationToken)).Revoked;
                }
                if (isRevoked is { } answer)
                {
                    recognition.Checked(answer, now);
                    seen++;
                    if (answer)
                        revoked++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return (seen, revoked);
    }
}

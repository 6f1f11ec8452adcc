using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Talent;

/// <summary>A person with a located profile, packed for matching.</summary>
internal readonly record struct PersonToMatch(string UserId, MatchCandidate Candidate, bool Findable);

/// <summary>A person as the last run packed them (<see cref="MatchPerson"/>), with their cutoff: what a vacancy's rematch scores against.</summary>
internal sealed record PackedPerson(
    string UserId, float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence, long ModulesHeld, int ProgrammesHeld,
    long RolesWanted, long RolesOnSavedRoute, float PayAsked, bool Findable, float Cutoff)
{
    public MatchCandidate Candidate => new(Latitude, Longitude, Days, Shifts, DrivingLicence,
        unchecked((ulong)ModulesHeld), unchecked((ulong)RolesWanted), unchecked((ulong)RolesOnSavedRoute), unchecked((uint)ProgrammesHeld), PayAsked);
}

/// <summary>
/// What a full run scores: every located person and every open vacancy in id order, and the pairs
/// either side dismissed or the person applied to, keyed by <see cref="Pair"/>.
/// </summary>
internal sealed record FullRunInput(List<PersonToMatch> People, Guid[] VacancyIds, MatchVacancy[] Vacancies, HashSet<long> NotForPerson, HashSet<long> NotForVacancy)
{
    public long Pair(int person, int vacancy) => ((long)person * Vacancies.Length) + vacancy;
}

/// <summary>The reads matching starts from: people, vacancies and dismissals, read once and packed into bits.</summary>
internal sealed class MatchLoader(PortalDbContext db, ContentSet set)
{
    /// <summary>
    /// Everything a full run scores; with <paramref name="districts"/>, a shard: only the people
    /// living in them, in ordinal id order, the open vacancies within their reach, and their own
    /// dismissals and applications.
    /// </summary>
    public async Task<FullRunInput> FullRunAsync(MatchCatalogue catalogue, DateTime now, IReadOnlyCollection<string>? districts, CancellationToken cancellationToken, Laps? laps = null)
    {
        var today = DateOnly.FromDateTime(now);
        // The database, not this node's job index: the full run is the backstop for everything else.
        var open = db.Set<Vacancy>().AsNoTracking().Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today);
        List<PersonToMatch> people;
        if (districts is null)
        {
            people = [];
        }
        else
        {
            people = await PeopleAsync(null, districts, catalogue, now, cancellationToken);
            laps?.Lap("people");
            // A shard's people are compared with other shards' by id, so their order must not hang on the database's collation.
            people.Sort((a, b) => string.CompareOrdinal(a.UserId, b.UserId));
            // Vacancies out of every one of its people's reach would score nothing: in a nation, most of them.
            if (MatchReach.Around(people.Select(p => (p.Candidate.Latitude, p.Candidate.Longitude))) is { } reach)
            {
                open = open.Where(v => v.Details.Location.Latitude >= reach.South && v.Details.Location.Latitude <= reach.North
                    && v.Details.Location.Longitude >= reach.West && v.Details.Location.Longitude <= reach.East);
            }
            else
            {
                open = open.Where(v => false);
            }
        }
        var read = (await open.Select(v => new { v.Id, v.Details }).ToListAsync(cancellationToken)).OrderBy(v => v.Id).ToList();
        var vacancyIds = read.Select(v => v.Id).ToArray();
        var vacancies = read.Select(v => catalogue.Pack(v.Details)).ToArray();
        laps?.Lap("vacancies");
        if (districts is null)
        {
            people = await PeopleAsync(null, null, catalogue, now, cancellationToken);
            laps?.Lap("people");
        }

        var personIndex = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
            personIndex[people[i].UserId] = i;
        var vacancyIndex = new Dictionary<Guid, int>(vacancyIds.Length);
        for (var i = 0; i < vacancyIds.Length; i++)
            vacancyIndex[vacancyIds[i]] = i;
        var input = new FullRunInput(people, vacancyIds, vacancies, [], []);
        var dismissals = db.Set<MatchDismissal>().AsNoTracking();
        var applications = db.Set<Application>().AsNoTracking();
        if (districts is not null)
        {
            var ids = InDistricts(districts).Select(p => p.UserId);
            dismissals = dismissals.Where(d => ids.Contains(d.UserId));
            applications = applications.Where(a => ids.Contains(a.UserId));
        }
        foreach (var d in await dismissals.Select(d => new { d.UserId, d.VacancyId, d.Side }).ToListAsync(cancellationToken))
        {
            if (personIndex.TryGetValue(d.UserId, out var p) && vacancyIndex.TryGetValue(d.VacancyId, out var v))
                (d.Side == MatchSide.Person ? input.NotForPerson : input.NotForVacancy).Add(input.Pair(p, v));
        }
        foreach (var a in await applications.Select(a => new { a.UserId, a.VacancyId }).ToListAsync(cancellationToken))
        {
            if (personIndex.TryGetValue(a.UserId, out var p) && vacancyIndex.TryGetValue(a.VacancyId, out var v))
            {
                input.NotForPerson.Add(input.Pair(p, v));
                input.NotForVacancy.Add(input.Pair(p, v));
            }
        }
        laps?.Lap("dismissals");
        return input;
    }

    /// <summary>People with a located profile (one person's, or those in some districts), in id order, with the training they hold today and the roles on their saved route.</summary>
    public async Task<List<PersonToMatch>> PeopleAsync(string? onlyUserId, IReadOnlyCollection<string>? districts, MatchCatalogue catalogue, DateTime now, CancellationToken cancellationToken)
    {
        var profiles = db.Set<CandidateProfile>().AsNoTracking().Where(p => p.Latitude != null && p.Longitude != null);
        var completions = db.Set<Completion>().AsNoTracking();
        var plans = db.Set<SavedPlan>().AsNoTracking();
        if (districts is not null)
        {
            profiles = InDistricts(districts);
            var ids = profiles.Select(p => p.UserId);
            completions = completions.Where(c => ids.Contains(c.UserId));
            plans = plans.Where(p => ids.Contains(p.UserId));
        }
        if (onlyUserId is not null)
        {
            profiles = profiles.Where(p => p.UserId == onlyUserId);
            completions = completions.Where(c => c.UserId == onlyUserId);
            plans = plans.Where(p => p.UserId == onlyUserId);
        }
        var rows = await profiles.OrderBy(p => p.UserId)
            .Select(p => new { p.UserId, p.Latitude, p.Longitude, p.Days, p.Shifts, p.DrivingLicence, p.MinimumHourlyPay, p.WantedRoles, p.Qualifications, p.LetEmployersFindMe })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return [];

        var refresh = await RefreshPolicies.ForEmployedAmongAsync(db, set, profiles.Select(p => p.UserId), cancellationToken);
        var held = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var latest = completions.LatestPerModule().AsAsyncEnumerable();
        await foreach (var completion in latest.WithCancellation(cancellationToken))
        {
            // Only training still in date counts as held.
            if (!set.Modules.ContainsKey(completion.ModuleSlug)
                || TrainingExpiry.ExpiresAtUtc(completion.CompletedAtUtc, (refresh.GetValueOrDefault(completion.UserId) ?? set.RefreshDefaults).MonthsFor(completion.ModuleSlug)) is { } expires && expires <= now)
                continue;
            held[completion.UserId] = held.GetValueOrDefault(completion.UserId) | catalogue.Module(completion.ModuleSlug);
        }
        var routes = (await plans.Select(p => new { p.UserId, p.FromRole, p.ToRole }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.UserId, p => catalogue.RouteRoles(p.FromRole, p.ToRole), StringComparer.Ordinal);

        return [.. rows.Select(r => new PersonToMatch(r.UserId,
            new MatchCandidate((float)r.Latitude!.Value, (float)r.Longitude!.Value, r.Days, r.Shifts, r.DrivingLicence,
                held.GetValueOrDefault(r.UserId), catalogue.Roles(r.WantedRoles), routes.GetValueOrDefault(r.UserId),
                catalogue.Programmes(r.Qualifications), (float)(r.MinimumHourlyPay ?? 0m)),
            r.LetEmployersFindMe))];
    }

    /// <summary>Located people living in some districts (an empty entry is people with no district): a shard.</summary>
    private IQueryable<CandidateProfile> InDistricts(IReadOnlyCollection<string> districts)
    {
        var list = districts.ToList();
        return db.Set<CandidateProfile>().AsNoTracking().Where(p => p.Latitude != null && p.Longitude != null && list.Contains(p.District ?? ""));
    }

    /// <summary>
    /// The vacancies one person turned down, and those whose recruiters turned them down. A vacancy
    /// they applied to (whatever became of it: in the pipeline, hired, rejected, withdrawn) is out on
    /// both sides: it is followed under applications, not offered again as a fit.
    /// </summary>
    public async Task<(HashSet<Guid> NotForPerson, HashSet<Guid> NotForVacancy)> DismissalsOfPersonAsync(string userId, CancellationToken cancellationToken)
    {
        var dismissed = await db.Set<MatchDismissal>().AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { d.VacancyId, d.Side }).ToListAsync(cancellationToken);
        var applied = await db.Set<Application>().AsNoTracking().Where(a => a.UserId == userId).Select(a => a.VacancyId).ToListAsync(cancellationToken);
        return (dismissed.Where(d => d.Side == MatchSide.Person).Select(d => d.VacancyId).Concat(applied).ToHashSet(),
            dismissed.Where(d => d.Side == MatchSide.Recruiter).Select(d => d.VacancyId).Concat(applied).ToHashSet());
    }

    /// <summary>
    /// Everyone packed under this content version whom the vacancy's hard requirements let through,
    /// in id order, with only the columns scoring needs: this read is most of a vacancy's rematch.
    /// </summary>
    public async Task<List<PackedPerson>> PackedPeopleAsync(MatchVacancy job, string version, CancellationToken cancellationToken)
    {
        var licence = job.DrivingLicenceRequired;
        var shifts = job.Shifts;
        return await db.Set<MatchPerson>().AsNoTracking()
            .Where(p => p.ContentVersion == version && (p.Shifts & shifts) != 0 && (!licence || p.DrivingLicence))
            .OrderBy(p => p.UserId)
            .Select(p => new PackedPerson(p.UserId, p.Latitude, p.Longitude, p.Days, p.Shifts, p.DrivingLicence, p.ModulesHeld, p.ProgrammesHeld,
                p.RolesWanted, p.RolesOnSavedRoute, p.PayAsked, p.Findable, p.Cutoff))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The people who turned one vacancy down, and those its recruiters turned down.</summary>
    public async Task<(HashSet<string> NotForPerson, HashSet<string> NotForVacancy)> DismissalsOfVacancyAsync(Guid vacancyId, CancellationToken cancellationToken)
    {
        var dismissed = await db.Set<MatchDismissal>().AsNoTracking().Where(d => d.VacancyId == vacancyId)
            .Select(d => new { d.UserId, d.Side }).ToListAsync(cancellationToken);
        // Applicants are out on both sides, as for a person's rematch.
        var applied = await db.Set<Application>().AsNoTracking().Where(a => a.VacancyId == vacancyId).Select(a => a.UserId).ToListAsync(cancellationToken);
        return (dismissed.Where(d => d.Side == MatchSide.Person).Select(d => d.UserId).Concat(applied).ToHashSet(StringComparer.Ordinal),
            dismissed.Where(d => d.Side == MatchSide.Recruiter).Select(d => d.UserId).Concat(applied).ToHashSet(StringComparer.Ordinal));
    }
}

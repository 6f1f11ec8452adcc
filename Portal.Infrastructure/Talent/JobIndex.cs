using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// The published vacancies, held in memory with a word index over their titles and descriptions,
/// so a search is arithmetic over a few thousand small records rather than a table scan with
/// LIKE. The database stays the source of truth: the index re-reads whatever changed (by
/// UpdatedAtUtc, with an overlap for transactions that committed late) at most once a second,
/// and at once on this node after <see cref="Invalidate"/>. Other nodes see a change within a
/// second. Closing dates are checked at search time, so nothing needs reloading at midnight.
/// </summary>
public sealed class JobIndex(IServiceScopeFactory scopes, IOptions<TalentOptions> options, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>How far back each re-read looks, so a change stamped before the last read but committed after it is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Dictionary<Guid, JobDocument> _documents = [];
    private volatile JobSnapshot? _snapshot;
    private DateTime _lastSeenUpdate = DateTime.MinValue;
    private DateTime _lastReadAt = DateTime.MinValue;
    private const long Never = 0;
    private long _checkedAtTicks = Never;
    private long _generation;

    /// <summary>A vacancy changed on this node: the next search re-reads before answering.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _checkedAtTicks, Never);
    }

    public async ValueTask<JobSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        var checkedAt = Interlocked.Read(ref _checkedAtTicks);
        if (snapshot is not null && !Due(checkedAt))
            return snapshot;
        // A routine re-check: whoever gets there first re-reads and the rest answer from the snapshot
        // they have. Before the first load or after an invalidation on this node, everyone waits.
        if (snapshot is null || checkedAt == Never)
            await _refreshing.WaitAsync(cancellationToken);
        else if (!_refreshing.Wait(0, cancellationToken))
            return snapshot;
        try
        {
            if (_snapshot is { } fresh && !Due(Interlocked.Read(ref _checkedAtTicks)))
                return fresh;
            var generation = Interlocked.Read(ref _generation);
            var startedAt = clock.GetUtcNow().UtcTicks;
            await RefreshAsync(cancellationToken);
            // An invalidation during the read may not be in it: leave the index due for another look.
            if (Interlocked.Read(ref _generation) == generation)
                Interlocked.Exchange(ref _checkedAtTicks, startedAt);
            return _snapshot!;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool Due(long checkedAt) => checkedAt == Never || clock.GetUtcNow().UtcTicks - checkedAt >= RecheckEvery.Ticks;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var vacancies = db.Set<Vacancy>().AsNoTracking();
        var first = _snapshot is null;
        var readAt = clock.GetUtcNow().UtcDateTime;
        if (first)
        {
            vacancies = vacancies.Where(v => v.Status == VacancyStatus.Published);
        }
        else
        {
            // Never later than this node's own clock at the last read, so a writer whose clock runs
            // ahead cannot push the window past changes stamped by one that runs behind.
            var from = _lastSeenUpdate < _lastReadAt ? _lastSeenUpdate : _lastReadAt;
            var since = from == DateTime.MinValue ? DateTime.MinValue : from - Overlap;
            vacancies = vacancies.Where(v => v.UpdatedAtUtc >= since);
        }
        var rows = await vacancies
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { Vacancy = v, o.Name })
            .ToListAsync(cancellationToken);
        _lastReadAt = readAt;
        if (!first && rows.Count == 0)
            return;

        var changed = first;
        var wage = options.Value.RealLivingWage;
        foreach (var row in rows)
        {
            if (row.Vacancy.UpdatedAtUtc > _lastSeenUpdate)
                _lastSeenUpdate = row.Vacancy.UpdatedAtUtc;
            if (row.Vacancy.Status != VacancyStatus.Published)
            {
                changed |= _documents.Remove(row.Vacancy.Id);
                continue;
            }
            if (_documents.TryGetValue(row.Vacancy.Id, out var existing) && existing.UpdatedAtUtc == row.Vacancy.UpdatedAtUtc)
                continue;
            _documents[row.Vacancy.Id] = JobDocument.From(row.Vacancy, row.Name, FairWork.Badges(row.Vacancy.Details, wage));
            changed = true;
        }
        if (changed)
            _snapshot = JobSnapshot.Build(_documents.Values);
    }

    public void Dispose() => _refreshing.Dispose();
}

/// <summary>What a search needs of one published vacancy.</summary>
public sealed record JobDocument(
    Guid Id, string Title, string OrganisationName, string CareerRole, string District, double Latitude, double Longitude,
    decimal HourlyPay, decimal HoursPerWeek, DateOnly ClosingDate, DateTime PublishedAtUtc, DateTime UpdatedAtUtc,
    bool GuaranteedHours, bool PaidTravelTime, PayBasis PayBasis, ShiftTimes Shifts, IReadOnlyList<string> Badges,
    string[] TitleWords, string[] DescriptionWords,
    WorkDays Days, bool DrivingLicenceRequired, IReadOnlyList<string> RequiredModules, IReadOnlyList<string> RequiredProgrammes)
{
    public static JobDocument From(Vacancy vacancy, string organisationName, IReadOnlyList<string> badges)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var d = vacancy.Details;
        return new JobDocument(vacancy.Id, d.Title, organisationName, d.CareerRole, d.Location.District, d.Location.Latitude, d.Location.Longitude,
            d.HourlyPay, d.HoursPerWeek, d.ClosingDate, vacancy.PublishedAtUtc ?? vacancy.UpdatedAtUtc, vacancy.UpdatedAtUtc,
            d.GuaranteedHours, d.PaidTravelTime, d.PayBasis, d.Shifts, badges, Words.Of(d.Title), Words.Of(d.DescriptionMarkdown),
            d.Days, d.DrivingLicenceRequired, d.RequiredModules, d.RequiredProgrammes);
    }
}

/// <summary>An immutable view of the index, safe for any number of searches at once.</summary>
public sealed class JobSnapshot
{
    private readonly string[] _vocabulary;
    private readonly int[][] _inTitle;
    private readonly int[][] _inDescription;

    private JobSnapshot(JobDocument[] documents, string[] vocabulary, int[][] inTitle, int[][] inDescription)
    {
        Documents = documents;
        _vocabulary = vocabulary;
        _inTitle = inTitle;
        _inDescription = inDescription;
    }

    public IReadOnlyList<JobDocument> Documents { get; }

    public static JobSnapshot Build(IEnumerable<JobDocument> source)
    {
        var documents = source.OrderBy(d => d.Id).ToArray();
        var title = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var description = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Length; i++)
        {
            Add(title, documents[i].TitleWords, i);
            Add(description, documents[i].DescriptionWords, i);
        }
        var vocabulary = title.Keys.Union(description.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new JobSnapshot(documents, vocabulary,
            [.. vocabulary.Select(w => title.TryGetValue(w, out var list) ? list.ToArray() : [])],
            [.. vocabulary.Select(w => description.TryGetValue(w, out var list) ? list.ToArray() : [])]);

        static void Add(SortedDictionary<string, List<int>> index, string[] words, int document)
        {
            foreach (var word in words)
            {
                if (!index.TryGetValue(word, out var list))
                    index[word] = list = [];
                if (list.Count == 0 || list[^1] != document)
                    list.Add(document);
            }
        }
    }

    /// <summary>
    /// Scores every document against the keyword: each word of the keyword must begin a word of the
    /// title or description; a word in the title counts 2, in the description 1. Zero means no match.
    /// Null when there is no keyword (everything matches equally).
    /// </summary>
    public int[]? Score(string? keyword)
    {
        var words = Words.Of(keyword);
        if (words.Length == 0)
            return null;
        var score = new int[Documents.Count];
        var matched = new int[Documents.Count];
        var title = new bool[Documents.Count];
        var description = new bool[Documents.Count];
        for (var w = 0; w < words.Length; w++)
        {
            Array.Clear(title);
            Array.Clear(description);
            // Every vocabulary word starting with this one: a contiguous run in the sorted vocabulary.
            var start = Array.BinarySearch(_vocabulary, words[w], StringComparer.Ordinal);
            if (start < 0)
                start = ~start;
            for (var v = start; v < _vocabulary.Length && _vocabulary[v].StartsWith(words[w], StringComparison.Ordinal); v++)
            {
                foreach (var d in _inTitle[v])
                    title[d] = true;
                foreach (var d in _inDescription[v])
                    description[d] = true;
            }
            for (var d = 0; d < score.Length; d++)
            {
                if (matched[d] != w || !(title[d] || description[d]))
                    continue;
                matched[d] = w + 1;
                score[d] += (title[d] ? 2 : 0) + (description[d] ? 1 : 0);
            }
        }
        for (var d = 0; d < score.Length; d++)
        {
            if (matched[d] != words.Length)
                score[d] = 0;
        }
        return score;
    }
}

/// <summary>Splits text into lower-case words of letters and digits; "Care-worker's" is "care", "worker", "s".</summary>
public static class Words
{
    public static string[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return [.. words.Distinct(StringComparer.Ordinal)];
    }
}

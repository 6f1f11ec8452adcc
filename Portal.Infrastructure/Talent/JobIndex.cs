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

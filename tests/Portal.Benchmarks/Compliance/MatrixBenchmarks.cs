using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Training;

namespace Portal.Benchmarks.Compliance;

/// <summary>
/// The manager's training matrix for the generated city's largest employer (500 staff x 44 items,
/// issue 25's target: the page under 60 ms at p50), without HTTP or HTML: the whole read
/// (<see cref="ComplianceService.MatrixAsync"/>) on a first view and on a view after an earlier one
/// (the staff's completions kept, <see cref="StaffCompletionsCache"/>), and the first view's largest
/// query alone (every staff member's latest completion of each module, about 15,000 rows). Point it at a city filled by
/// tests/Portal.LoadData with a manager of that employer (tests/load/run.sh or matrix.sh make one;
/// LOAD_KEEP keeps the city): PORTAL_BENCH_PROVIDER (Sqlite or Postgres) and PORTAL_BENCH_CONNECTION.
/// </summary>
[MemoryDiagnoser]
public class MatrixBenchmarks
{
    private IHost? _host;

    private string _manager = "";
    private Guid _organisation;

    [GlobalSetup]
    public void Setup()
    {
        // The manager's organisations come through OrganisationService, which asks Identity.
        _host = BenchmarkCity.Start("a generated city", services => services.AddIdentityCore<PortalUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<PortalDbContext>());

        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var staff = db.Set<Membership>().AsNoTracking().Where(m => m.Role == MembershipRole.Staff && m.EndedAtUtc == null)
            .GroupBy(m => m.OrganisationId).Select(g => new { Organisation = g.Key, Count = g.Count() }).ToList();
        _organisation = staff.MaxBy(s => s.Count)?.Organisation ?? throw new InvalidOperationException("The database has no staff: fill it with tests/Portal.LoadData.");
        _manager = db.Set<Membership>().AsNoTracking().Where(m => m.OrganisationId == _organisation && m.Role == MembershipRole.Manager && m.EndedAtUtc == null)
            .Select(m => m.UserId).FirstOrDefault()
            ?? throw new InvalidOperationException("The largest employer has no manager: run tests/load/run.sh or matrix.sh on this city once.");
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    /// <summary>A manager's first view: nothing kept from an earlier one, every person's modules read.</summary>
    [Benchmark]
    public async Task<int> Matrix()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        using var nothingKept = new StaffCompletionsCache();
        var service = ActivatorUtilities.CreateInstance<ComplianceService>(scope.ServiceProvider, nothingKept);
        var page = await service.MatrixAsync(_manager, _organisation, new MatrixFilter(null, null, null));
        return page!.View.Rows.Count;
    }

    /// <summary>A view after an earlier one, nothing changed between: the kept copy, checked by one count of the staff's completions.</summary>
    [Benchmark]
    public async Task<int> MatrixSeenBefore()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ComplianceService>().MatrixAsync(_manager, _organisation, new MatrixFilter(null, null, null));
        return page!.View.Rows.Count;
    }

    /// <summary>
    /// The largest query alone, as the service reads it. Read synchronously instead (SQLite has no
    /// asynchronous I/O) it took 41-43 ms against 43-58 ms here, but the whole matrix did not move
    /// (55.7 against 57.9 ms), so the service keeps the one asynchronous way for every provider.
    /// </summary>
    [Benchmark]
    public async Task<int> LatestCompletions()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var staffIds = db.Set<Membership>().AsNoTracking()
            .Where(m => m.OrganisationId == _organisation && m.Role == MembershipRole.Staff && m.EndedAtUtc == null).Select(m => m.UserId);
        var latest = new Dictionary<(string, string), DateTime>(16_000);
        await foreach (var l in db.Set<Completion>().AsNoTracking().Where(c => staffIds.Contains(c.UserId)).LatestPerModule().AsAsyncEnumerable())
            latest[(l.UserId, l.ModuleSlug)] = l.CompletedAtUtc;
        return latest.Count;
    }
}

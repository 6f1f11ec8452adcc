using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Training;

namespace Portal.Benchmarks.Training;

/// <summary>
/// What a learner's own pages read about them on every view (issue 25: the learn catalogue, the
/// training record and the learner's home): their training record
/// (<see cref="TrainingService.GetRecordAsync"/>: their completions, modules in progress and the
/// refresh intervals their employers set) and what each employer requires of them
/// (<see cref="ComplianceService.MineAsync"/>, which reads the record with them), for a member of the generated city's largest
/// employer and for a learner who works nowhere. Each call is a few small indexed reads, so the
/// figures are mostly EF Core's own work per query. Point it at a city filled by
/// tests/Portal.LoadData (PORTAL_BENCH_PROVIDER, PORTAL_BENCH_CONNECTION).
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private IHost? _host;
    private ContentSet _content = null!;
    private string _staff = "";
    private string _nowhere = "";

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkCity.Start("a generated city", services => services.AddIdentityCore<PortalUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<PortalDbContext>());
        _content = _host.Services.GetRequiredService<ContentStore>().Current;
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var current = db.Set<Membership>().AsNoTracking().Where(m => m.Role == MembershipRole.Staff && m.EndedAtUtc == null);
        var largest = current.GroupBy(m => m.OrganisationId).Select(g => new { Organisation = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Select(g => g.Organisation).FirstOrDefault();
        // The first of its staff (by id) with completions, and the first person with completions who is on no staff.
        _staff = current.Where(m => m.OrganisationId == largest).Select(m => m.UserId)
            .Where(u => db.Set<Completion>().Any(c => c.UserId == u)).Order().FirstOrDefault()
            ?? throw new InvalidOperationException("The database has no staff with training: fill it with tests/Portal.LoadData.");
        _nowhere = db.Set<Completion>().AsNoTracking().Select(c => c.UserId).Where(u => !db.Set<Membership>().Any(m => m.UserId == u)).Order().FirstOrDefault()
            ?? throw new InvalidOperationException("Everyone with training works somewhere: fill the database with tests/Portal.LoadData.");
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark]
    public Task<int> RecordOfStaff() => RecordAsync(_staff);

    [Benchmark]
    public Task<int> RecordOfLearnerWorkingNowhere() => RecordAsync(_nowhere);

    [Benchmark]
    public Task<int> RecordAndRequiredOfStaff() => MineAsync(_staff);

    [Benchmark]
    public Task<int> RecordAndRequiredOfLearnerWorkingNowhere() => MineAsync(_nowhere);

    private async Task<int> MineAsync(string userId)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var (record, required) = await scope.ServiceProvider.GetRequiredService<ComplianceService>().MineAsync(userId, _content);
        return record.Count(e => e.Latest is not null) + required.Employers.Sum(e => e.Cells.Count);
    }

    private async Task<int> RecordAsync(string userId)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<TrainingService>().GetRecordAsync(userId, _content);
        return record.Count(e => e.Latest is not null);
    }
}

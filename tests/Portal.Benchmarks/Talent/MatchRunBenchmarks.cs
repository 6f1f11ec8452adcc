using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Benchmarks.Talent;

/// <summary>
/// Incremental rematches against a generated city: one changed person against every open vacancy
/// (issue 6 target: under 20 ms) and one new vacancy against everyone (under 250 ms), each read,
/// scored and written in its own transaction exactly as the Hangfire jobs do it. The database must
/// be filled by tests/Portal.LoadData and matched once (`run-job matching-nightly`); point the benchmark at it
/// with PORTAL_BENCH_PROVIDER (Sqlite or Postgres) and PORTAL_BENCH_CONNECTION.
/// </summary>
public class MatchRunBenchmarks
{
    private IHost? _host;
    private string[] _people = [];
    private Guid[] _vacancies = [];
    private int _nextPerson;
    private int _nextVacancy;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkCity.Start("a seeded, matched database");

        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A fixed sample spread over the whole population, so caches do not flatter the figures.
        var people = db.Set<MatchPerson>().AsNoTracking().OrderBy(p => p.UserId).Select(p => p.UserId).ToList();
        _people = [.. people.Where((_, i) => i % Math.Max(1, people.Count / 500) == 0)];
        _vacancies = [.. db.Set<Vacancy>().AsNoTracking().Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today)
            .OrderBy(v => v.Id).Select(v => v.Id).Take(100)];
        if (_people.Length == 0 || _vacancies.Length == 0)
            throw new InvalidOperationException("The database has no matched people or open vacancies: fill it with tests/Portal.LoadData, then run-job matching-nightly.");
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark]
    public async Task<int> OneChangedPerson()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchRunner>().ForPersonAsync(_people[_nextPerson++ % _people.Length], CancellationToken.None);
    }

    [Benchmark]
    public async Task<int> OneNewVacancy()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchRunner>().ForVacancyAsync(_vacancies[_nextVacancy++ % _vacancies.Length], CancellationToken.None);
    }
}

using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>Rematches one vacancy after it was published, edited or closed.</summary>
public sealed class VacancyMatchJob(MatchRunner runner)
{
    public Task<int> RunAsync(Guid vacancyId, CancellationToken cancellationToken) => runner.ForVacancyAsync(vacancyId, cancellationToken);
}

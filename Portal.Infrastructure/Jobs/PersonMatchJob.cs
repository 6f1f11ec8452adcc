using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>Rematches one person after their profile, training or saved route changed.</summary>
public sealed class PersonMatchJob(MatchRunner runner)
{
    public Task<int> RunAsync(string userId, CancellationToken cancellationToken) => runner.ForPersonAsync(userId, cancellationToken);
}

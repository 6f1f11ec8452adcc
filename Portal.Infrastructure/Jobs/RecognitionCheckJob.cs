using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Passport;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Daily: every recognised passport credential that may still count is checked against its
/// issuer's status list, and the answer stored, so the matrix (which never asks anyone) stops
/// counting a revoked one by the next morning. Safe to run twice or to kill at any line: see
/// <see cref="RecognitionService.CheckStandingAsync"/>.
/// </summary>
public sealed class RecognitionCheckJob(RecognitionService recognitions, ILogger<RecognitionCheckJob> logger)
{
    public const string RecurringId = "passport-recognition-checks";

    public async Task<(int Checked, int Revoked)> RunAsync(CancellationToken cancellationToken)
    {
        var (seen, revoked) = await recognitions.CheckStandingAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Recognised credentials: {Checked} checked, {Revoked} found revoked", seen, revoked);
        return (seen, revoked);
    }
}

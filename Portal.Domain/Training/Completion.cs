namespace Portal.Domain.Training;

/// <summary>
/// A passed module: append-only history. A refresher adds a row; nothing is ever changed or removed,
/// so a record can be shown to an inspector or a new employer as it was earned.
/// </summary>
public sealed class Completion
{
    public const int MaxVerificationCodeLength = 32;

    private Completion()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string ModuleSlug { get; private set; } = "";

    /// <summary>The progress round this completes; unique per person and module, so a double submit records once.</summary>
    public int Round { get; private set; }

    /// <summary>The version of the module's text the quiz was passed on.</summary>
    public string ContentVersion { get; private set; } = "";

    public DateTime CompletedAtUtc { get; private set; }
    public int Score { get; private set; }
    public int OutOf { get; private set; }

    /// <summary>The unguessable code in the certificate's public verification address.</summary>
    public string VerificationCode { get; private set; } = "";

    public static Completion Record(ModuleProgress progress, QuizOutcome.Scored result, string verificationCode, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(verificationCode);
        if (!result.Passed)
            throw new ArgumentException("Only a pass is a completion.", nameof(result));
        if (verificationCode.Length > MaxVerificationCodeLength)
            throw new ArgumentException("The verification code is too long.", nameof(verificationCode));
        return new Completion
        {
            UserId = progress.UserId,
            ModuleSlug = progress.ModuleSlug,
            Round = progress.Round,
            ContentVersion = progress.ContentVersion,
            CompletedAtUtc = utcNow,
            Score = result.Score,
            OutOf = result.OutOf,
            VerificationCode = verificationCode,
        };
    }

    public DateTime? ExpiresAtUtc(int? refreshMonths) => TrainingExpiry.ExpiresAtUtc(CompletedAtUtc, refreshMonths);
}

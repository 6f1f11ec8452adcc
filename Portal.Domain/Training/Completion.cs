using Portal.Domain.Names;

namespace Portal.Domain.Training;

/// <summary>
/// A passed module: append-only history. A refresher adds a row; nothing is ever changed or removed,
/// so a record can be shown to an inspector or a new employer as it was earned.
/// </summary>
public sealed class Completion
{
    public const int MaxVerificationCodeLength = 32;
    public const int MaxCertificateNameLength = 100;

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

    /// <summary>
    /// The name the certificate shows, fixed when it is issued: a later change of account name, or
    /// anyone else, never renames a certificate someone has already been shown. Null only when the
    /// account had no name then; <see cref="NameCertificate"/> fills it in once.
    /// </summary>
    public string? CertificateName { get; private set; }

    /// <param name="certificateName">The holder's name as it is today, printed on the certificate for good.</param>
    public static Completion Record(ModuleProgress progress, QuizOutcome.Scored result, string verificationCode, DateTime utcNow, string? certificateName = null)
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
            CertificateName = CleanName(certificateName),
        };
    }

    /// <summary>Puts a name on a certificate issued without one. A name already there is never changed.</summary>
    public void NameCertificate(string name)
    {
        if (CertificateName is not null)
            throw new InvalidOperationException("The name on this certificate was fixed when it was issued.");
        ShownNames.Guard(name, nameof(name));
        CertificateName = CleanName(name) ?? throw new ArgumentException("A certificate needs a name.", nameof(name));
    }

    private static string? CleanName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        return trimmed.Length > MaxCertificateNameLength ? throw new ArgumentException("The name is too long for a certificate.", nameof(name)) : trimmed;
    }

    public DateTime? ExpiresAtUtc(int? refreshMonths) => TrainingExpiry.ExpiresAtUtc(CompletedAtUtc, refreshMonths);
}

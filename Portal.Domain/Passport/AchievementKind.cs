namespace Portal.Domain.Passport;

/// <summary>What a passport credential says the person achieved.</summary>
public enum AchievementKind
{
    /// <summary>A passed training module (one credential per completion, refreshers included).</summary>
    Module,

    /// <summary>A practitioner's sign-off of a competency, observed at one organisation.</summary>
    Competency,

    /// <summary>All sixteen Care Certificate standards held.</summary>
    CareCertificate,
}

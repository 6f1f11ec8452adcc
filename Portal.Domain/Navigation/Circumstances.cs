namespace Portal.Domain.Navigation;

/// <summary>Things that can make getting into work harder, which a person may choose to share with their navigator.</summary>
public enum BarrierKind
{
    CaringResponsibilities,
    Health,
    Transport,
    Childcare,
    Confidence,
    English,
    DigitalAccess,
    ConvictionsAffectingDbs,
}

/// <summary>
/// What a person chooses to tell their hub about their circumstances, so the steps fit their life.
/// Theirs to change or clear; their navigators read it; recruiters and employers never do.
/// </summary>
public sealed class Circumstances
{
    public const int MaxDetailsLength = 500;

    private Circumstances()
    {
    }

    public string UserId { get; private set; } = "";
    public IReadOnlyList<BarrierKind> Barriers { get; private set; } = [];

    /// <summary>Anything else they want their navigator to know, in their words.</summary>
    public string? Details { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Circumstances For(string userId, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new Circumstances { UserId = userId, UpdatedAtUtc = utcNow };
    }

    public void Share(IEnumerable<BarrierKind> barriers, string? details, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(barriers);
        details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (details?.Length > MaxDetailsLength)
            throw new ArgumentException($"Keep it to {MaxDetailsLength} characters.", nameof(details));
        Barriers = [.. barriers.Distinct().Order()];
        Details = details;
        UpdatedAtUtc = utcNow;
    }

    public bool IsEmpty => Barriers.Count == 0 && Details is null;

    public static string Name(BarrierKind barrier) => barrier switch
    {
        BarrierKind.CaringResponsibilities => "Caring responsibilities",
        BarrierKind.Health => "Health",
        BarrierKind.Transport => "Transport",
        BarrierKind.Childcare => "Childcare",
        BarrierKind.Confidence => "Confidence",
        BarrierKind.English => "English",
        BarrierKind.DigitalAccess => "Digital access (a phone, a computer, data)",
        _ => "Previous convictions that may affect a DBS check",
    };
}

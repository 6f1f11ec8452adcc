namespace Portal.Domain.Pathways;

/// <summary>
/// The route a person has chosen to work towards: where they start and the job they want. Only the
/// two ends are kept; the route itself is planned again from the current content whenever it is
/// shown, so a saved plan follows changes to the routes rather than going stale.
/// </summary>
public sealed class SavedPlan
{
    public const int MaxSlugLength = 80;

    private SavedPlan()
    {
    }

    public string UserId { get; private set; } = "";
    public string FromRole { get; private set; } = "";
    public string ToRole { get; private set; } = "";
    public DateTime SavedAtUtc { get; private set; }

    public static SavedPlan Create(string userId, string fromRole, string toRole, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var plan = new SavedPlan { UserId = userId };
        plan.ChangeTo(fromRole, toRole, utcNow);
        return plan;
    }

    public void ChangeTo(string fromRole, string toRole, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromRole);
        ArgumentException.ThrowIfNullOrEmpty(toRole);
        if (fromRole == toRole)
            throw new ArgumentException("A plan goes from one role to another.", nameof(toRole));
        FromRole = fromRole;
        ToRole = toRole;
        SavedAtUtc = utcNow;
    }
}

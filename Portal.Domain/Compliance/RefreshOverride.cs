namespace Portal.Domain.Compliance;

/// <summary>
/// An organisation's own refresh interval for a module, in place of the module's default: safeguarding
/// every year instead of every three. Null months means "once is enough".
/// </summary>
public sealed class RefreshOverride
{
    public const int MaxMonths = 120;

    private RefreshOverride()
    {
    }

    public Guid OrganisationId { get; private set; }
    public string ModuleSlug { get; private set; } = "";
    public int? Months { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAtUtc { get; private set; }

    public static RefreshOverride Create(Guid organisationId, string moduleSlug, int? months, string changedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleSlug);
        var refresh = new RefreshOverride { OrganisationId = organisationId, ModuleSlug = moduleSlug };
        refresh.Change(months, changedBy, utcNow);
        return refresh;
    }

    public void Change(int? months, string changedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(changedBy);
        if (months is < 1 or > MaxMonths)
            throw new ArgumentOutOfRangeException(nameof(months), months, $"A refresh interval is 1 to {MaxMonths} months, or never.");
        Months = months;
        ChangedBy = changedBy;
        ChangedAtUtc = utcNow;
    }
}

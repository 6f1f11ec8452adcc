namespace Portal.Infrastructure.Insight;

/// <summary>Passes of one module in one month, city-wide or for one organisation's staff (see <see cref="LearningMonth"/>).</summary>
public sealed class ModuleMonth : IStoredRow
{
    public long Id { get; private set; }

    public DateOnly Month { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string ModuleSlug { get; private set; } = "";

    public int Completions { get; private set; }

    public static ModuleMonth Of(DateOnly month, Guid organisationId, string module, int completions) => new()
    {
        Month = month,
        OrganisationId = organisationId,
        ModuleSlug = module,
        Completions = completions,
    };
}

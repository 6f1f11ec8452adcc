namespace Portal.Domain.Compliance;

/// <summary>
/// An organisation's own list of what a job role requires, replacing the defaults in the role's
/// content. No row for a job role means the defaults apply; an empty list means nothing is required.
/// </summary>
public sealed class JobRequirements
{
    public const int MaxListLength = 4000;

    private JobRequirements()
    {
    }

    public Guid OrganisationId { get; private set; }
    public string JobRole { get; private set; } = "";

    /// <summary>Module slugs, comma-separated (slugs never contain commas).</summary>
    public string Modules { get; private set; } = "";

    /// <summary>Competency slugs, comma-separated.</summary>
    public string Competencies { get; private set; } = "";

    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAtUtc { get; private set; }

    public IReadOnlyList<Topic> Topics => TopicsOf(Modules, Competencies);

    /// <summary>The topics two stored lists name (for a read that projects the columns rather than the entity).</summary>
    public static IReadOnlyList<Topic> TopicsOf(string modules, string competencies) =>
    [
        .. Split(modules).Select(s => new Topic(TopicKind.Module, s)),
        .. Split(competencies).Select(s => new Topic(TopicKind.Competency, s)),
    ];

    public static JobRequirements Create(Guid organisationId, string jobRole, IEnumerable<Topic> topics, string changedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobRole);
        var requirements = new JobRequirements { OrganisationId = organisationId, JobRole = jobRole };
        requirements.Change(topics, changedBy, utcNow);
        return requirements;
    }

    public void Change(IEnumerable<Topic> topics, string changedBy, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentException.ThrowIfNullOrEmpty(changedBy);
        var list = topics.Distinct().ToList();
        if (list.Any(t => string.IsNullOrEmpty(t.Slug) || t.Slug.Contains(',', StringComparison.Ordinal)))
            throw new ArgumentException("A slug cannot be empty or hold a comma.", nameof(topics));
        var modules = string.Join(',', list.Where(t => t.Kind == TopicKind.Module).Select(t => t.Slug));
        var competencies = string.Join(',', list.Where(t => t.Kind == TopicKind.Competency).Select(t => t.Slug));
        if (modules.Length > MaxListLength || competencies.Length > MaxListLength)
            throw new ArgumentException("Too many topics for one job.", nameof(topics));
        Modules = modules;
        Competencies = competencies;
        ChangedBy = changedBy;
        ChangedAtUtc = utcNow;
    }

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split(',');
}

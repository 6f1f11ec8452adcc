namespace Portal.Domain.Pathways;

/// <summary>
/// What a person already holds, for a gap analysis: completed training modules, programmes held
/// (declared qualifications and finished apprenticeships), checks held and months of relevant
/// experience. Slugs are compared ordinally; the collections are copied on assignment.
/// </summary>
public sealed class LearnerHoldings
{
    /// <summary>Someone new to care who holds nothing yet.</summary>
    public static LearnerHoldings None { get; } = new();

    public IReadOnlyCollection<string> CompletedModules { get; init => field = Copy(value); } = Empty;

    public IReadOnlyCollection<string> Programmes { get; init => field = Copy(value); } = Empty;

    public IReadOnlyCollection<string> Checks { get; init => field = Copy(value); } = Empty;

    public int ExperienceMonths
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    public bool DrivingLicence { get; init; }

    private static HashSet<string> Empty => new(StringComparer.Ordinal);

    internal bool Holds(RequirementKind kind, string slug) => kind switch
    {
        RequirementKind.Programme => ((HashSet<string>)Programmes).Contains(slug),
        RequirementKind.Module => ((HashSet<string>)CompletedModules).Contains(slug),
        RequirementKind.Check => ((HashSet<string>)Checks).Contains(slug),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only slug requirements are held by name."),
    };

    private static HashSet<string> Copy(IReadOnlyCollection<string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new HashSet<string>(value, StringComparer.Ordinal);
    }
}

namespace Portal.Domain.Pathways;

/// <summary>What a person needs before they can take a <see cref="RouteStep"/>. Slugs are compared ordinally.</summary>
public sealed record StepRequirements
{
    public static StepRequirements None { get; } = new();

    public IReadOnlyList<string> Programmes { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>Training module slugs.</summary>
    public IReadOnlyList<string> Modules { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>Pre-employment checks, e.g. <c>dbs-enhanced</c>, <c>right-to-work</c>.</summary>
    public IReadOnlyList<string> Checks { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    public int MinimumExperienceMonths
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    public bool DrivingLicence { get; init; }
}

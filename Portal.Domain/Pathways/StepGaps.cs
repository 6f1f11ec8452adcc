namespace Portal.Domain.Pathways;

/// <summary>
/// One step of a route with each of its requirements checked. <see cref="ExperienceMonthsAtStart"/>
/// is the experience the person will have when they begin the step; <see cref="RequiredExperienceMonths"/>
/// is what the step asks for (0 when it asks for none, and then no experience check is listed).
/// </summary>
public sealed record StepGaps(RouteStep Step, IReadOnlyList<RequirementCheck> Requirements, int ExperienceMonthsAtStart)
{
    public int RequiredExperienceMonths => Step.Requirements.MinimumExperienceMonths;

    /// <summary>True when nothing is missing: the person can take this step once the earlier ones are done.</summary>
    public bool Ready => Requirements.All(static r => r.Status != RequirementStatus.Missing);

    public IEnumerable<RequirementCheck> Held => Requirements.Where(static r => r.Status == RequirementStatus.Met);

    public IEnumerable<RequirementCheck> Missing => Requirements.Where(static r => r.Status == RequirementStatus.Missing);
}

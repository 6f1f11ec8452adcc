namespace Portal.Domain.Pathways;

/// <summary>A directed move from one role to another, taking <see cref="TypicalMonths"/> for a typical person.</summary>
public sealed record RouteStep
{
    public RouteStep(string from, string to, int typicalMonths, StepRequirements? requirements = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentOutOfRangeException.ThrowIfNegative(typicalMonths);
        From = from;
        To = to;
        TypicalMonths = typicalMonths;
        Requirements = requirements ?? StepRequirements.None;
    }

    /// <summary>Role slug the step starts from.</summary>
    public string From { get; }

    /// <summary>Role slug the step leads to.</summary>
    public string To { get; }

    public int TypicalMonths { get; }

    public StepRequirements Requirements { get; }

    /// <summary>
    /// Checks a person comes out of the step holding, such as registration with the Nursing and
    /// Midwifery Council at the end of a nursing degree: a result of the step, never a condition of starting it.
    /// </summary>
    public IReadOnlyList<string> Gains { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    public override string ToString() => $"{From} -> {To} ({TypicalMonths} months)";
}

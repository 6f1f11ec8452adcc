namespace Portal.Domain.Talent;

/// <summary>The parts of the day a job's shifts cover.</summary>
[Flags]
public enum ShiftTimes
{
    None = 0,
    Early = 1,
    Late = 2,
    Night = 4,
}

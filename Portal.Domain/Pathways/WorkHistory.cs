namespace Portal.Domain.Pathways;

/// <summary>One spell in a job, as an employer's staff list records it.</summary>
public readonly record struct JobSpell(string JobRole, DateTime StartedAtUtc, DateTime? EndedAtUtc);

/// <summary>
/// What the portal knows of a person's work in care from the staff lists they are on: the job they
/// do now and how long they have worked in care. The planner starts from these when the person has
/// not said otherwise.
/// </summary>
public sealed class WorkHistory
{
    private WorkHistory(string? currentJob, int experienceMonths)
    {
        CurrentJob = currentJob;
        ExperienceMonths = experienceMonths;
    }

    public static WorkHistory None { get; } = new(null, 0);

    /// <summary>The job of the most recently started spell still going on; null when none is.</summary>
    public string? CurrentJob { get; }

    /// <summary>Months in care; overlapping spells (two employers at once) count once.</summary>
    public int ExperienceMonths { get; }

    public static WorkHistory From(IEnumerable<JobSpell> spells, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var ordered = spells.Where(s => s.StartedAtUtc <= utcNow).OrderBy(s => s.StartedAtUtc).ToList();
        if (ordered.Count == 0)
            return None;
        var current = ordered.Where(s => s.EndedAtUtc is null).Select(s => s.JobRole).LastOrDefault();
        var days = 0.0;
        DateTime? runStart = null, runEnd = null;
        foreach (var spell in ordered)
        {
            var end = spell.EndedAtUtc is { } ended && ended < utcNow ? ended : utcNow;
            if (runEnd is { } open && spell.StartedAtUtc <= open)
            {
                runEnd = end > open ? end : open;
                continue;
            }
            if (runStart is { } start)
                days += (runEnd!.Value - start).TotalDays;
            (runStart, runEnd) = (spell.StartedAtUtc, end);
        }
        days += (runEnd!.Value - runStart!.Value).TotalDays;
        // To the nearest average month: a spell of two years is 24 months whichever Februaries it holds.
        return new WorkHistory(current, (int)Math.Round(days / (365.25 / 12), MidpointRounding.AwayFromZero));
    }
}

namespace Portal.Domain.Talent;

/// <summary>The single days and shift times, in order, for forms and for reading a pattern back out.</summary>
public static class WorkPattern
{
    public static IReadOnlyList<WorkDays> Days { get; } =
        [WorkDays.Monday, WorkDays.Tuesday, WorkDays.Wednesday, WorkDays.Thursday, WorkDays.Friday, WorkDays.Saturday, WorkDays.Sunday];

    public static IReadOnlyList<ShiftTimes> Shifts { get; } = [ShiftTimes.Early, ShiftTimes.Late, ShiftTimes.Night];

    public static IReadOnlyList<WorkDays> DaysIn(WorkDays days) => [.. Days.Where(d => days.HasFlag(d))];

    public static IReadOnlyList<ShiftTimes> ShiftsIn(ShiftTimes shifts) => [.. Shifts.Where(s => shifts.HasFlag(s))];
}

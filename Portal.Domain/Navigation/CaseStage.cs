namespace Portal.Domain.Navigation;

/// <summary>Where a person is on the way into work, as their navigator records it.</summary>
public enum CaseStage
{
    /// <summary>Asked for help (or was added by a navigator); nobody has worked with them yet.</summary>
    New,
    Exploring,
    Preparing,
    Applying,
    InWork,
    Closed,
}

/// <summary>Why a case closed.</summary>
public enum CaseClosure
{
    /// <summary>The navigator closed it: the work is done, or the person stopped coming.</summary>
    Finished,

    /// <summary>The person withdrew their consent: navigators no longer see it, and the retention run erases it.</summary>
    ConsentWithdrawn,
}

/// <summary>How a person would like to be contacted.</summary>
public enum ContactPreference
{
    Email,
    Phone,
    TextMessage,
}

/// <summary>
/// The one owner of which stage may follow which: one step on or back at a time (a person who lost
/// a job goes back to applying), closing from anywhere, and nothing after closing.
/// </summary>
public static class CaseStages
{
    public static IReadOnlyList<CaseStage> Open { get; } = [CaseStage.New, CaseStage.Exploring, CaseStage.Preparing, CaseStage.Applying, CaseStage.InWork];

    public static bool CanMove(CaseStage from, CaseStage to)
    {
        if (from == CaseStage.Closed || from == to)
            return false;
        if (to == CaseStage.Closed)
            return true;
        // Nobody goes back to "new": they have been met.
        if (to == CaseStage.New)
            return false;
        return Math.Abs((int)to - (int)from) == 1;
    }

    /// <summary>The stages a case at <paramref name="from"/> may move to, in order.</summary>
    public static IReadOnlyList<CaseStage> Next(CaseStage from) => [.. Enum.GetValues<CaseStage>().Where(to => CanMove(from, to))];

    public static string Name(CaseStage stage) => stage switch
    {
        CaseStage.New => "New",
        CaseStage.Exploring => "Exploring",
        CaseStage.Preparing => "Preparing",
        CaseStage.Applying => "Applying",
        CaseStage.InWork => "In work",
        _ => "Closed",
    };
}

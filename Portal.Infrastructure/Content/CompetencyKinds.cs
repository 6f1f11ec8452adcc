namespace Portal.Infrastructure.Content;

/// <summary>
/// The two kinds of observed competency. The difference matters to the worker and the inspector: a
/// delegated healthcare activity is a registered professional's task handed over for a named person,
/// while a care task (giving routine medicines, for example) is part of the care role itself,
/// trained and assessed under the provider's own policy.
/// </summary>
public static class CompetencyKinds
{
    public const string DelegatedHealthcareActivity = "delegated-healthcare-activity";

    public const string CareTask = "care-task";

    public static IReadOnlyList<string> All { get; } = [DelegatedHealthcareActivity, CareTask];
}

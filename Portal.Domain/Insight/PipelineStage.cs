namespace Portal.Domain.Insight;

/// <summary>
/// The steps from a new account to a worker still in post a year on. A person is counted at each
/// step once, in the month they first reached it, so months add up to a period without counting
/// anyone twice.
/// </summary>
public enum PipelineStage
{
    Registered,
    Applied,
    Interviewed,
    Offered,
    Hired,
    InWork13Weeks,
    InWork26Weeks,
    InWork52Weeks,
}

public static class PipelineStages
{
    public static IReadOnlyList<PipelineStage> All { get; } = Enum.GetValues<PipelineStage>();

    /// <summary>The weeks after a start at which someone is asked, or checked, whether they are still in work.</summary>
    public static IReadOnlyList<(int Weeks, PipelineStage Stage)> InWork { get; } =
        [(13, PipelineStage.InWork13Weeks), (26, PipelineStage.InWork26Weeks), (52, PipelineStage.InWork52Weeks)];

    public static string Name(PipelineStage stage) => stage switch
    {
        PipelineStage.Registered => "Registered",
        PipelineStage.Applied => "Applied",
        PipelineStage.Interviewed => "Interviewed",
        PipelineStage.Offered => "Offered a job",
        PipelineStage.Hired => "Hired",
        PipelineStage.InWork13Weeks => "In work at 13 weeks",
        PipelineStage.InWork26Weeks => "In work at 26 weeks",
        _ => "In work at 52 weeks",
    };

    /// <summary>The stored key: stable, whatever the wording on the page.</summary>
    public static string Key(PipelineStage stage) => stage switch
    {
        PipelineStage.Registered => "registered",
        PipelineStage.Applied => "applied",
        PipelineStage.Interviewed => "interviewed",
        PipelineStage.Offered => "offered",
        PipelineStage.Hired => "hired",
        PipelineStage.InWork13Weeks => "in-work-13",
        PipelineStage.InWork26Weeks => "in-work-26",
        _ => "in-work-52",
    };
}

using Portal.Domain.Compliance;
using Portal.Domain.Training;
using Portal.Infrastructure;

namespace Portal.Web.Pages.Learn;

/// <summary>Words and small helpers shared by the Learn pages.</summary>
public static class LearnText
{
    public static string Status(TrainingStatus status) => status switch
    {
        TrainingStatus.Valid => "Valid",
        TrainingStatus.ExpiringSoon => "Expiring soon",
        TrainingStatus.Expired => "Expired",
        TrainingStatus.InProgress => "In progress",
        _ => "Not started",
    };

    /// <summary>A class that gives each status a colour as well as its word, never instead of it.</summary>
    public static string StatusClass(TrainingStatus status) => "status status--" + status.ToString().ToLowerInvariant();

    public static string Refresh(int? months) => months switch
    {
        null => "No refresher needed",
        12 => "Refresh every year",
        var m when m % 12 == 0 => $"Refresh every {m / 12} years",
        var m => $"Refresh every {m} months",
    };

    /// <summary>
    /// An employer's requirement in the learner's words: the status is the matrix's own (the same
    /// cell their manager sees), only said to the person it is about.
    /// </summary>
    public static string Requirement(ComplianceCell cell, TopicKind kind) => cell.Status switch
    {
        ComplianceStatus.Missing => kind == TopicKind.Competency ? "To do: needs a sign-off" : "To do: not done yet",
        ComplianceStatus.Expired => $"Overdue: ran out on {cell.Expires?.UkDate()}",
        ComplianceStatus.Valid => cell.Expires is { } until ? $"Done: valid until {until.UkDate()}" : $"Done on {cell.Done?.UkDate()}",
        _ => $"Due soon: runs out on {cell.Expires?.UkDate()}",
    };

    /// <summary>The group a requirement falls in: overdue (including never done), due soon, or done.</summary>
    public static string RequirementGroup(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Missing or ComplianceStatus.Expired => "overdue",
        ComplianceStatus.Valid => "done",
        _ => "due-soon",
    };

    public static string RequirementClass(ComplianceStatus status) => RequirementGroup(status) switch
    {
        "overdue" => "status status--expired",
        "done" => "status status--valid",
        _ => "status status--expiringsoon",
    };

    /// <summary>Overdue first, then never done, then running out soonest, then done.</summary>
    public static int Urgency(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Expired => 0,
        ComplianceStatus.Missing => 1,
        ComplianceStatus.Expiring30 => 2,
        ComplianceStatus.Expiring60 => 3,
        ComplianceStatus.Expiring90 => 4,
        _ => 5,
    };
}

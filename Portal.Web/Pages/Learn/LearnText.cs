using Portal.Domain.Training;

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
}

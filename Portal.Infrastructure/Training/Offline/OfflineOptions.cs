using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>Settings for learning without signal (section <c>Learning</c>).</summary>
public sealed class OfflineOptions
{
    public const string Section = "Learning";

    /// <summary>How long after a module changes a quiz taken offline on its old text still counts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan OfflineVersionWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The oldest finish time a phone may report; anything earlier is recorded as this long ago.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan OfflineOldestFinish { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The most items one sync may carry; a phone with more sends them in turns.</summary>
    [Range(1, 1000)]
    public int OfflineSyncBatch { get; set; } = 100;
}

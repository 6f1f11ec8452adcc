using Portal.Domain.Passport;
using Portal.Infrastructure;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>How the passport pages put a credential's state and kind into words.</summary>
public static class PassportText
{
    public static string Status(PassportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Revoked ? "Revoked" : entry.Expired ? "Expired" : "Valid";
    }

    public static string StatusClass(PassportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Revoked || entry.Expired ? "status status--expired" : "status status--valid";
    }

    public static string Kind(AchievementKind kind) => kind switch
    {
        AchievementKind.Module => "Training module",
        AchievementKind.Competency => "Competency signed off",
        _ => "Care Certificate",
    };

    public static string ValidUntil(DateTime? until) => until is { } u ? u.UkDate() : "Does not expire";

    /// <summary>A file name a phone keeps: the achievement's words, hyphenated.</summary>
    public static string FileName(PassportEntry entry, string extension)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var words = new string([.. entry.AchievementName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (words.Contains("--", StringComparison.Ordinal))
            words = words.Replace("--", "-", StringComparison.Ordinal);
        return $"{words.Trim('-')}.{extension}";
    }
}

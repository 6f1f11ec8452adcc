using System.Globalization;

namespace Portal.Infrastructure;

/// <summary>
/// Times as people in the city read them. Everything is stored in UTC; everything shown to a person
/// (a page, an email, a spreadsheet) is the UK's wall clock, Europe/London with its summer time, so a
/// course finished at 00:30 on a June morning says that day, not the day before. This is the one owner
/// of that zone and of the date formats: pages call the extension methods (<c>@x.UkDate()</c>).
/// </summary>
/// <remarks>
/// Here, not in Domain: finding the zone reads the machine's time-zone database, and the words are
/// presentation. Domain rules that need "today in the city" are handed the date by their caller
/// (<see cref="Today"/>), as they are handed the time.
/// </remarks>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private const string DateFormat = "d MMMM yyyy";

    /// <summary>The UK wall-clock time of a UTC instant (a stored value's Kind may be Utc or Unspecified).</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The date in the city at a UTC instant: "today" for rules dated by the calendar people see.</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(Local(utcNow));

    /// <summary>"5 December 2026", on the UK calendar.</summary>
    public static string UkDate(this DateTime utc) => Local(utc).ToString(DateFormat, UkEnglish.Culture);

    /// <summary>"5 December 2026" for a date that is already a calendar day (closing dates, observed on).</summary>
    public static string UkDate(this DateOnly date) => date.ToString(DateFormat, UkEnglish.Culture);

    /// <summary>"5 December 2026 at 14:30", UK time.</summary>
    public static string UkDateAndTime(this DateTime utc) => Local(utc).ToString("d MMMM yyyy 'at' HH:mm", UkEnglish.Culture);

    /// <summary>"5 Dec 2026", for tables and lists where space is short.</summary>
    public static string UkShortDate(this DateOnly date) => date.ToString("d MMM yyyy", UkEnglish.Culture);

    /// <summary>"5 December", where the year goes without saying (a closing date in a search result).</summary>
    public static string UkDayAndMonth(this DateOnly date) => date.ToString("d MMMM", UkEnglish.Culture);

    /// <summary>"2026-12-05", UK calendar: for spreadsheets, file names and date inputs.</summary>
    public static string UkIsoDate(this DateTime utc) => DateOnly.FromDateTime(Local(utc)).UkIsoDate();

    /// <inheritdoc cref="UkIsoDate(DateTime)"/>
    public static string UkIsoDate(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"05/12/26" into a buffer, without allocating: the training matrix writes thousands of these a page.</summary>
    public static bool TryFormatCompact(this DateOnly date, Span<char> destination, out int written) =>
        date.TryFormat(destination, out written, "dd/MM/yy", CultureInfo.InvariantCulture);
}

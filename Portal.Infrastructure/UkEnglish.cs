using System.Globalization;

namespace Portal.Infrastructure;

/// <summary>
/// The one culture the portal speaks: British English, for month names, pounds and pence. Pages get
/// it as the request culture (so binding reads what formatting writes); code that formats outside a
/// request (emails, exports) names it here rather than trusting the machine's culture.
/// </summary>
public static class UkEnglish
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Pounds and pence: "£12.60".</summary>
    public static string Money(decimal amount) => amount.ToString("C2", Culture);
}

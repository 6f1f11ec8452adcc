using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>The month range every insight page reads from its query, with the same refusals.</summary>
public static class InsightQuery
{
    /// <returns>The chosen months (the last twelve when none are given), or null with the problem added to <paramref name="modelState"/>.</returns>
    public static MonthRange? Range(string? from, string? to, DateOnly today, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (from is null && to is null)
            return MonthRange.TwelveMonthsTo(today);
        if (!TryMonth(from, out var first) || !TryMonth(to, out var last))
        {
            modelState.AddModelError("Input.From", "Enter months like 2026-01");
            return null;
        }
        if (MonthRange.Create(first, last, today, out var problem) is not { } chosen)
        {
            modelState.AddModelError("Input.From", problem!);
            return null;
        }
        return chosen;
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool TryMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact((value ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Training;
using Portal.Infrastructure;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>My training record: every module with its status today, filterable, and as a CSV file.</summary>
public sealed class RecordModel(ContentStore content, TrainingService training, ComplianceService compliance, TimeProvider clock) : PageModel
{
    /// <summary>What each of their employers requires of them, and their sign-offs.</summary>
    public ComplianceService.MyRequirements Required { get; private set; } = new([], []);

    [BindProperty(SupportsGet = true)]
    public TrainingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    public IReadOnlyList<RecordEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyDictionary<TrainingStatus, int> Counts { get; private set; } = new Dictionary<TrainingStatus, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (record, required) = await compliance.MineAsync(User.RequiredId(), content.Current, cancellationToken);
        Required = required;
        Show(record);
        return Page();
    }

    /// <summary>The same rows as the page, with its filters, for a new employer or a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Show(await training.GetRecordAsync(User.RequiredId(), content.Current, cancellationToken));
        if (!ModelState.IsValid)
            return BadRequest();
        var csv = new StringBuilder();
        Csv.Row(csv, "Module", "Status", "Completed", "Expires", "Score", "Content version", "Certificate check");
        foreach (var entry in Entries)
        {
            var latest = entry.Latest;
            Csv.Row(csv,
                entry.Title,
                LearnText.Status(entry.Status),
                latest?.CompletedAtUtc.UkIsoDate() ?? "",
                entry.ExpiresAtUtc?.UkIsoDate() ?? "",
                latest is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{latest.Score}/{latest.OutOf}"),
                latest?.ContentVersion ?? "",
                latest is null ? "" : Verify.IndexModel.Link(this, latest.VerificationCode));
        }
        return Csv.File(csv, $"training-record-{clock.GetUtcNow().UtcDateTime.UkIsoDate()}.csv");
    }

    /// <summary>The record's rows with the page's filters (a filter value not in its list is shown as an error and left out).</summary>
    private void Show(IReadOnlyList<RecordEntry> all)
    {
        if (Topic is not null && !LearnVocabulary.Topics.Contains(Topic))
        {
            ModelState.AddModelError(nameof(Topic), "Choose a topic from the list");
            Topic = null;
        }
        if (!ModelState.IsValid && ModelState.GetFieldValidationState(nameof(Status)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState[nameof(Status)]!.Errors.Clear();
            ModelState.AddModelError(nameof(Status), "Choose a status from the list");
            Status = null;
        }
        Total = all.Count;
        Counts = all.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());
        Entries = [.. all.Where(e => (Status is null || e.Status == Status) && (Topic is null || e.Module?.Topics.Contains(Topic) == true))];
    }
}

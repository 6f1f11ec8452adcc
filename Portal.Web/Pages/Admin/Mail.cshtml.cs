using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;

using Portal.Web.Accounts;

namespace Portal.Web.Pages.Admin;

/// <summary>
/// The outbox as an operator needs it: is mail flowing, does the server answer, and the messages
/// that could not be delivered, to retry or discard. Admins only (folder policy). Message bodies
/// are never shown: they can hold one-time sign-in and reset links meant for their recipient alone.
/// </summary>
public sealed class MailModel(MailAdminService mail) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchInput Search { get; set; } = new();

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public MailAdminService.Overview Overview { get; private set; } = null!;

    /// <summary>Why a retry or discard did not happen.</summary>
    public string? Problem { get; private set; }

    public sealed class SearchInput
    {
        [StringLength(MailAdminService.MaxSearchLength, ErrorMessage = "Search with up to 100 characters")]
        public string? Q { get; set; }

        /// <summary>A <see cref="MailKind"/> by name; text, so a wrong one gets this page's message rather than a number's.</summary>
        public string? Kind { get; set; }

        public long? Before { get; set; }
    }

    public sealed class ActionInput
    {
        /// <summary>The ticked boxes.</summary>
        public List<long> Ids { get; set; } = [];

        /// <summary>Set by a message's own button, which acts on that message alone, whatever is ticked.</summary>
        public long? Only { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken) =>
        ActAsync(mail.RetryAsync, n => n == 1
            ? "1 message is back in the queue and goes with the next delivery run, in a minute or so."
            : $"{n} messages are back in the queue and go with the next delivery run, in a minute or so.", cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken) =>
        ActAsync(mail.DiscardAsync, n => n == 1 ? "1 message is discarded: it will not be sent." : $"{n} messages are discarded: they will not be sent.", cancellationToken);

    private async Task<IActionResult> ActAsync(
        Func<MailAdminService.Actor, IReadOnlyCollection<long>, CancellationToken, Task<Result<int>>> act, Func<int, string> done, CancellationToken cancellationToken)
    {
        var ids = Input.Only is { } one ? [one] : Input.Ids;
        var actor = new MailAdminService.Actor(User.RequiredId(), HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await act(actor, ids, cancellationToken);
        switch (result.Outcome)
        {
            case Outcome.Done:
                TempData["StatusMessage"] = done(result.Value);
                return RedirectToPage(new Dictionary<string, object?> { ["Search.Q"] = Search.Q, ["Search.Kind"] = Search.Kind });
            case Outcome.NotFound:
                return NotFound();
            default:
                Problem = result.Problem!.Message;
                await LoadAsync(cancellationToken);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MailKind? kind = null;
        if (!string.IsNullOrEmpty(Search.Kind))
        {
            if (Enum.GetNames<MailKind>().Contains(Search.Kind, StringComparer.Ordinal))
                kind = Enum.Parse<MailKind>(Search.Kind);
            else
                ModelState.AddModelError("Search.Kind", "Choose what the message is for from the list");
        }

        // A search the page cannot use is shown as an error and not applied.
        var query = ModelState.IsValid ? new MailAdminService.DeadLetterQuery(Search.Q, kind, Search.Before) : new MailAdminService.DeadLetterQuery();
        Overview = await mail.OverviewAsync(query, cancellationToken);
    }

    public bool Searching => !string.IsNullOrWhiteSpace(Search.Q) || !string.IsNullOrEmpty(Search.Kind);

    public static string KindName(MailKind kind) => kind switch
    {
        MailKind.Account => "Account (confirm an address, reset a password)",
        MailKind.OrganisationRequest => "Organisation set-up request",
        MailKind.Invitation => "Invitation to join an organisation",
        MailKind.Application => "Job application update",
        MailKind.InviteToApply => "Invitation to apply for a job",
        MailKind.Matches => "Jobs that match someone",
        MailKind.JobAlert => "Job alert",
        MailKind.TrainingReminder => "Training reminder",
        MailKind.OverdueTraining => "Overdue training, to a manager",
        _ => "Other",
    };

    public static string When(DateTime utc) => utc.UkDateAndTime();

    public static string ActionText(MailAdminService.MailAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var what = action.Action == AuditAction.MailRetried ? "Retried" : "Discarded";
        return $"{what} by {action.ActorName} on {When(action.OccurredUtc)}";
    }

    public static string StatusNow(OutboxStatus? status) => status switch
    {
        OutboxStatus.Pending => "waiting to be sent",
        OutboxStatus.Sent => "sent",
        OutboxStatus.DeadLettered => "could not be delivered again",
        OutboxStatus.Discarded => "discarded, not sent",
        _ => "no longer in the outbox",
    };

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => Plural((int)age.TotalMinutes, "minute"),
        { TotalDays: < 1 } => $"{Plural((int)age.TotalHours, "hour")} {Plural(age.Minutes, "minute")}",
        _ => $"{Plural((int)age.TotalDays, "day")} {Plural(age.Hours, "hour")}",
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : string.Create(CultureInfo.InvariantCulture, $"{n} {unit}s");
}

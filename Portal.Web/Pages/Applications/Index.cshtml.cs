using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Applications;

/// <summary>The signed-in person's applications, each with its history, and a link to withdraw (which asks first).</summary>
public sealed class IndexModel(ApplicationService applications) : PageModel
{
    public IReadOnlyList<ApplicationService.MyApplication> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Applications = await applications.MineAsync(User.RequiredId(), cancellationToken);

    /// <summary>
    /// The date line of one step of the history. A status alone ("Interview on 5 December") reads
    /// like an appointment; these say what happened on that day.
    /// </summary>
    public static string StepText(ApplicationEvent step, bool first)
    {
        ArgumentNullException.ThrowIfNull(step);
        var what = step.Status switch
        {
            ApplicationStatus.Submitted => first ? "Applied" : "Applied again",
            ApplicationStatus.Shortlisted => "Shortlisted",
            ApplicationStatus.Interview => "Invited to interview",
            ApplicationStatus.Offer => "Offered the job",
            ApplicationStatus.Hired => "Hired",
            ApplicationStatus.Rejected => "Not taken further",
            ApplicationStatus.Withdrawn => "You withdrew",
            _ => step.Status.ToString(),
        };
        return $"{what} on {step.ChangedAtUtc.UkDate()}";
    }

    public static bool CanWithdraw(ApplicationStatus status) =>
        status is not (ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn);
}

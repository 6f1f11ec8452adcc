using System.ComponentModel.DataAnnotations;
using Portal.Domain.Privacy;

namespace Portal.Infrastructure.Accounts;

/// <summary>Section "Retention": the periods of the retention schedule (decision 0036).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(1, 365)]
    public int UnconfirmedAccountDays { get; set; } = RetentionSchedule.Default.UnconfirmedAccountDays;

    [Range(1, 120)]
    public int ApplicationMonthsAfterClosing { get; set; } = RetentionSchedule.Default.ApplicationMonthsAfterClosing;

    [Range(1, 120)]
    public int MailMonths { get; set; } = RetentionSchedule.Default.MailMonths;

    [Range(1, 120)]
    public int AuditMonths { get; set; } = RetentionSchedule.Default.AuditMonths;

    [Range(1, 120)]
    public int KeptEvidenceMonths { get; set; } = RetentionSchedule.Default.KeptEvidenceMonths;

    [Range(0, 90)]
    public int WithdrawnCaseDays { get; set; } = RetentionSchedule.Default.WithdrawnCaseDays;

    [Range(1, 120)]
    public int ClosedCaseMonths { get; set; } = RetentionSchedule.Default.ClosedCaseMonths;

    [Range(31, 365)]
    public int OfflineReceiptDays { get; set; } = RetentionSchedule.Default.OfflineReceiptDays;

    [Range(1, 365)]
    public int MatchRunDays { get; set; } = RetentionSchedule.Default.MatchRunDays;

    public RetentionSchedule Schedule() => new(UnconfirmedAccountDays, ApplicationMonthsAfterClosing, MailMonths, AuditMonths, KeptEvidenceMonths)
    {
        WithdrawnCaseDays = WithdrawnCaseDays,
        ClosedCaseMonths = ClosedCaseMonths,
        OfflineReceiptDays = OfflineReceiptDays,
        MatchRunDays = MatchRunDays,
    };
}

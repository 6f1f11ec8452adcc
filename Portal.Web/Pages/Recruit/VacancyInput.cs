using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Pages.Recruit;

/// <summary>The vacancy form, as posted. Turned into <see cref="VacancyDetails"/> only when every field makes sense.</summary>
public sealed class VacancyInput
{
    [Required(ErrorMessage = "Choose the job from the list")]
    public string? CareerRole { get; set; }

    [Required(ErrorMessage = "Give the job a title")]
    [StringLength(VacancyDetails.MaxTitleLength, ErrorMessage = "The title can be at most 120 characters")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Describe the job")]
    [StringLength(VacancyDetails.MaxDescriptionLength, ErrorMessage = "The description can be at most 8,000 characters")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter the postcode where the work is")]
    public string? Postcode { get; set; }

    [Required(ErrorMessage = "Enter the hourly pay, like 12.60")]
    [Range(typeof(decimal), "5", "200", ErrorMessage = "Enter the hourly pay in pounds, from 5 to 200")]
    [Display(Name = "the hourly pay")]
    public decimal? HourlyPay { get; set; }

    [Required(ErrorMessage = "Enter the hours a week")]
    [Range(typeof(decimal), "1", "60", ErrorMessage = "Enter the hours a week, from 1 to 60")]
    [Display(Name = "the hours a week")]
    public decimal? HoursPerWeek { get; set; }

    public List<WorkDays> Days { get; set; } = [];

    public List<ShiftTimes> Shifts { get; set; } = [];

    [Required(ErrorMessage = "Say whether the whole shift is paid or only the visits")]
    public PayBasis? PayBasis { get; set; }

    public bool GuaranteedHours { get; set; }

    public bool PaidTravelTime { get; set; }

    public bool PaidTraining { get; set; }

    public bool DrivingLicenceRequired { get; set; }

    public List<string> RequiredModules { get; set; } = [];

    public List<string> RequiredProgrammes { get; set; } = [];

    [Required(ErrorMessage = "Enter the closing date")]
    [Display(Name = "the closing date")]
    public DateOnly? ClosingDate { get; set; }

    public static VacancyInput From(VacancyDetails details) => new()
    {
        CareerRole = details.CareerRole,
        Title = details.Title,
        Description = details.DescriptionMarkdown,
        Postcode = details.Location.Postcode,
        HourlyPay = details.HourlyPay,
        HoursPerWeek = details.HoursPerWeek,
        Days = [.. WorkPattern.DaysIn(details.Days)],
        Shifts = [.. WorkPattern.ShiftsIn(details.Shifts)],
        PayBasis = details.PayBasis,
        GuaranteedHours = details.GuaranteedHours,
        PaidTravelTime = details.PaidTravelTime,
        PaidTraining = details.PaidTraining,
        DrivingLicenceRequired = details.DrivingLicenceRequired,
        RequiredModules = [.. details.RequiredModules],
        RequiredProgrammes = [.. details.RequiredProgrammes],
        ClosingDate = details.ClosingDate,
    };

    /// <summary>The details, or null with every problem added to <paramref name="state"/> under "Input.*".</summary>
    public VacancyDetails? ToDetails(ContentSet content, PostcodeDistricts postcodes, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(postcodes);
        ArgumentNullException.ThrowIfNull(state);
        if (CareerRole is not null && (!content.Roles.TryGetValue(CareerRole, out var role) || role.EntryPoint))
            state.AddModelError("Input.CareerRole", "Choose the job from the list");
        var location = postcodes.LocateField(Postcode, state, "Input.Postcode");
        if (Days.Count == 0)
            state.AddModelError("Input.Days", "Choose the days the shifts fall on");
        if (Shifts.Count == 0)
            state.AddModelError("Input.Shifts", "Choose early, late or night shifts, or more than one");
        if (RequiredModules.Any(m => !content.Modules.ContainsKey(m)) || RequiredProgrammes.Any(p => !content.Programmes.ContainsKey(p)))
            state.AddModelError("Input.RequiredModules", "Choose required training from the lists");
        if (!state.IsValid)
            return null;
        return new VacancyDetails
        {
            CareerRole = CareerRole!,
            Title = Title!.Trim(),
            DescriptionMarkdown = Description!.Trim(),
            Location = location!,
            HourlyPay = HourlyPay!.Value,
            HoursPerWeek = HoursPerWeek!.Value,
            Days = Days.Aggregate(WorkDays.None, (all, day) => all | day),
            Shifts = Shifts.Aggregate(ShiftTimes.None, (all, shift) => all | shift),
            PayBasis = PayBasis!.Value,
            GuaranteedHours = GuaranteedHours,
            PaidTravelTime = PaidTravelTime,
            PaidTraining = PaidTraining,
            DrivingLicenceRequired = DrivingLicenceRequired,
            RequiredModules = [.. RequiredModules.Distinct(StringComparer.Ordinal)],
            RequiredProgrammes = [.. RequiredProgrammes.Distinct(StringComparer.Ordinal)],
            ClosingDate = ClosingDate!.Value,
        };
    }
}

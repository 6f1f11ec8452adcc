using Portal.Domain.Pathways;

namespace Portal.Domain.Tests.Pathways;

/// <summary>A small, realistic career graph (social care and into the NHS), shared by the planner and gap tests.</summary>
internal static class CareerRoutes
{
    public const string NewToCare = "new-to-care";
    public const string CareWorker = "care-worker";
    public const string SeniorCareWorker = "senior-care-worker";
    public const string EnhancedCareWorker = "enhanced-care-worker";
    public const string LeadAdultCareWorker = "lead-adult-care-worker";
    public const string TeamLeader = "team-leader";
    public const string DeputyManager = "deputy-manager";
    public const string RegisteredManager = "registered-manager";
    public const string HealthcareSupportWorker = "healthcare-support-worker";
    public const string NursingAssociate = "nursing-associate";
    public const string RegisteredNurse = "registered-nurse";
    public const string OccupationalTherapySupportWorker = "occupational-therapy-support-worker";
    public const string Paramedic = "paramedic";

    public static IReadOnlyList<string> Roles { get; } =
    [
        NewToCare, CareWorker, SeniorCareWorker, EnhancedCareWorker, LeadAdultCareWorker, TeamLeader,
        DeputyManager, RegisteredManager, HealthcareSupportWorker, NursingAssociate, RegisteredNurse,
        OccupationalTherapySupportWorker, Paramedic,
    ];

    public static IReadOnlyList<RouteStep> Steps { get; } =
    [
        new(NewToCare, CareWorker, 1, new StepRequirements
        {
            Checks = ["dbs-enhanced", "right-to-work"],
            DrivingLicence = true,
        }),
        new(CareWorker, SeniorCareWorker, 18, new StepRequirements
        {
            Modules = ["care-certificate", "medication-awareness"],
            MinimumExperienceMonths = 12,
        }),
        new(CareWorker, EnhancedCareWorker, 12, new StepRequirements
        {
            Programmes = ["adult-care-worker-l2"],
            Modules = ["care-certificate", "delegated-healthcare-activities"],
            MinimumExperienceMonths = 6,
        }),
        new(SeniorCareWorker, LeadAdultCareWorker, 18, new StepRequirements
        {
            Programmes = ["lead-adult-care-worker-l3"],
            MinimumExperienceMonths = 24,
        }),
        new(EnhancedCareWorker, LeadAdultCareWorker, 18, new StepRequirements
        {
            Programmes = ["lead-adult-care-worker-l3"],
            MinimumExperienceMonths = 18,
        }),
        new(LeadAdultCareWorker, TeamLeader, 12),
        new(TeamLeader, DeputyManager, 12),
        new(LeadAdultCareWorker, DeputyManager, 24, new StepRequirements { MinimumExperienceMonths = 36 }),
        new(DeputyManager, RegisteredManager, 18, new StepRequirements
        {
            Programmes = ["leader-in-adult-care-l5"],
            Checks = ["dbs-enhanced"],
        }),
        new(NewToCare, HealthcareSupportWorker, 2, new StepRequirements
        {
            Programmes = ["employability-programme"],
            Checks = ["dbs-enhanced", "right-to-work"],
        }),
        new(CareWorker, HealthcareSupportWorker, 3, new StepRequirements
        {
            Modules = ["care-certificate"],
            Checks = ["dbs-enhanced"],
        }),
        new(HealthcareSupportWorker, NursingAssociate, 24, new StepRequirements
        {
            Programmes = ["nursing-associate-l5"],
            MinimumExperienceMonths = 12,
        }),
        new(NursingAssociate, RegisteredNurse, 24),
        new(HealthcareSupportWorker, RegisteredNurse, 48, new StepRequirements
        {
            Programmes = ["nursing-degree-apprenticeship"],
        }),
        new(HealthcareSupportWorker, OccupationalTherapySupportWorker, 3),
    ];

    public static RouteGraph Graph() => new(Roles, Steps);

    public static RoutePlanner Planner() => new(Graph());
}

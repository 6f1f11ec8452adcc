namespace Portal.Domain.Pathways;

public static class GapAnalysis
{
    /// <summary>
    /// Checks each step's requirements against what the person holds, assuming they follow the
    /// route in order.
    /// </summary>
    /// <remarks>
    /// Requirements are what a person needs to begin a step, so by the time they begin a later step
    /// they have everything earlier steps required: a programme, module, check or licence first
    /// needed at step 1 is <see cref="RequirementStatus.Missing"/> there and
    /// <see cref="RequirementStatus.MetAlongRoute"/> at later steps, so a page lists each gap once.
    /// Experience: the months the person has now plus the typical months of every earlier step of
    /// the route (time spent on a step is time in care). A step's own months do not count towards
    /// its own requirement, because the requirement is for starting it. Experience is
    /// <see cref="RequirementStatus.Met"/> when the person's current months already reach it.
    /// </remarks>
    public static RouteGaps For(Route route, LearnerHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(holdings);

        var gainedAlongRoute = new HashSet<(RequirementKind, string)>();
        var licenceGained = false;
        var experience = holdings.ExperienceMonths;
        var steps = new StepGaps[route.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = route.Steps[i];
            var needs = step.Requirements;
            var checks = new List<RequirementCheck>();
            AddSlugs(checks, RequirementKind.Programme, needs.Programmes, holdings, gainedAlongRoute);
            AddSlugs(checks, RequirementKind.Module, needs.Modules, holdings, gainedAlongRoute);
            AddSlugs(checks, RequirementKind.Check, needs.Checks, holdings, gainedAlongRoute);

            if (needs.MinimumExperienceMonths > 0)
            {
                var status = holdings.ExperienceMonths >= needs.MinimumExperienceMonths ? RequirementStatus.Met
                    : experience >= needs.MinimumExperienceMonths ? RequirementStatus.MetAlongRoute
                    : RequirementStatus.Missing;
                checks.Add(new RequirementCheck(RequirementKind.Experience, null, status));
            }

            if (needs.DrivingLicence)
            {
                var status = holdings.DrivingLicence ? RequirementStatus.Met
                    : licenceGained ? RequirementStatus.MetAlongRoute
                    : RequirementStatus.Missing;
                licenceGained = true;
                checks.Add(new RequirementCheck(RequirementKind.DrivingLicence, null, status));
            }

            steps[i] = new StepGaps(step, checks, experience);
            experience = checked(experience + step.TypicalMonths);
        }

        return new RouteGaps(route, steps);
    }

    private static void AddSlugs(
        List<RequirementCheck> checks,
        RequirementKind kind,
        IReadOnlyList<string> slugs,
        LearnerHoldings holdings,
        HashSet<(RequirementKind, string)> gainedAlongRoute)
    {
        foreach (var slug in slugs)
        {
            // Add returns false when an earlier step already needed it, so it is held by now.
            var status = holdings.Holds(kind, slug) ? RequirementStatus.Met
                : gainedAlongRoute.Add((kind, slug)) ? RequirementStatus.Missing
                : RequirementStatus.MetAlongRoute;
            checks.Add(new RequirementCheck(kind, slug, status));
        }
    }
}

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
    /// A step's <see cref="RouteStep.Gains"/> (registration at the end of a nursing degree) count as
    /// gained along the route for later steps. A programme is held, now or along the route, when the
    /// person holds or gains a programme that includes it (<paramref name="programmes"/>).
    /// Experience: the months the person has now plus the typical months of every earlier step of
    /// the route (time spent on a step is time in care). A step's own months do not count towards
    /// its own requirement, because the requirement is for starting it. Experience is
    /// <see cref="RequirementStatus.Met"/> when the person's current months already reach it.
    /// </remarks>
    public static RouteGaps For(Route route, LearnerHoldings holdings, ProgrammeInclusions? programmes = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(holdings);
        programmes ??= ProgrammeInclusions.None;

        var heldProgrammes = new HashSet<string>(holdings.Programmes.SelectMany(programmes.Expand), StringComparer.Ordinal);
        var gainedAlongRoute = new HashSet<(RequirementKind, string)>();
        var licenceGained = false;
        var experience = holdings.ExperienceMonths;
        var steps = new StepGaps[route.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = route.Steps[i];
            var needs = step.Requirements;
            var checks = new List<RequirementCheck>();
            AddSlugs(checks, RequirementKind.Programme, needs.Programmes, slug => heldProgrammes.Contains(slug), gainedAlongRoute);
            // Whatever a programme of this step includes is gained along the route too, for later steps.
            foreach (var included in needs.Programmes.SelectMany(programmes.Expand))
                gainedAlongRoute.Add((RequirementKind.Programme, included));
            AddSlugs(checks, RequirementKind.Module, needs.Modules, slug => holdings.Holds(RequirementKind.Module, slug), gainedAlongRoute);
            AddSlugs(checks, RequirementKind.Check, needs.Checks, slug => holdings.Holds(RequirementKind.Check, slug), gainedAlongRoute);

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
            foreach (var gained in step.Gains)
                gainedAlongRoute.Add((RequirementKind.Check, gained));
            experience = checked(experience + step.TypicalMonths);
        }

        return new RouteGaps(route, steps);
    }

    private static void AddSlugs(
        List<RequirementCheck> checks,
        RequirementKind kind,
        IReadOnlyList<string> slugs,
        Func<string, bool> heldNow,
        HashSet<(RequirementKind, string)> gainedAlongRoute)
    {
        foreach (var slug in slugs)
        {
            // Add returns false when an earlier step already needed or gave it, so it is held by now.
            var status = heldNow(slug) ? RequirementStatus.Met
                : gainedAlongRoute.Add((kind, slug)) ? RequirementStatus.Missing
                : RequirementStatus.MetAlongRoute;
            checks.Add(new RequirementCheck(kind, slug, status));
        }
    }
}

namespace CallVault.Simulator;

/// <summary>A call as <see cref="TwilioSimulator.CreateCall"/> made it: the parent leg and an optional <c>&lt;Dial&gt;</c> child leg.</summary>
public sealed class SimulatedCall
{
    internal SimulatedCall(SimulatedLeg parent, SimulatedLeg? child)
    {
        Parent = parent;
        Child = child;
    }

    public SimulatedLeg Parent { get; }

    public SimulatedLeg? Child { get; }

    /// <summary>The parent's status; setting it sets both legs.</summary>
    public string Status
    {
        get => Parent.Status;
        set
        {
            Parent.Status = value;
            if (Child is not null)
            {
                Child.Status = value;
            }
        }
    }
}

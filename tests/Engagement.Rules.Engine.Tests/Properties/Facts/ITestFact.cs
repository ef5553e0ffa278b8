namespace Engagement.Rules.Engine.Tests.Properties.Facts;

/// <summary>
/// The shape shared by the generated fact types: an id unique within a test run, two small int fields and a
/// short string field, so that joins and constant tests hit often.
/// </summary>
public interface ITestFact
{
    int Id { get; }

    int X { get; }

    int Y { get; }

    string S { get; }
}

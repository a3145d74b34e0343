using System.Xml.Linq;

namespace CallVault.Web.Webhooks;

/// <summary>
/// The TwiML that connects an incoming call and records both channels from the moment it is
/// answered, with recording and call-status callbacks to CallVault. Built with LINQ to XML, so
/// every value is escaped.
/// </summary>
internal static class TwimlDial
{
    public const string RecordingEvents = "in-progress completed absent";
    public const string CallStatusEvents = "initiated ringing answered completed";

    public static string Build(DialTarget target, string recordingCallback, string callStatusCallback)
    {
        var response = new XElement("Response",
            new XElement("Dial",
                new XAttribute("record", "record-from-answer-dual"),
                new XAttribute("recordingStatusCallback", recordingCallback),
                new XAttribute("recordingStatusCallbackMethod", "POST"),
                new XAttribute("recordingStatusCallbackEvent", RecordingEvents),
                new XElement(target.Noun,
                    new XAttribute("statusCallback", callStatusCallback),
                    new XAttribute("statusCallbackMethod", "POST"),
                    new XAttribute("statusCallbackEvent", CallStatusEvents),
                    target.Value)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), response).Declaration + response.ToString(SaveOptions.DisableFormatting);
    }
}

import { PageHeader } from "@/components/ui/page-header";
import { MeetingTemplates, NewMeeting } from "@/features/meetings";

export function MeetingsRoute() {
  return (
    <>
      <PageHeader
        title="Meetings"
        subtitle="Templates for discovery, demo, negotiation and closing meetings."
        actions={<NewMeeting />}
      />
      <MeetingTemplates />
    </>
  );
}

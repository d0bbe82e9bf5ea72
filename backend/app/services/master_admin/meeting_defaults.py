"""Starter meeting templates, one per meeting type, for a founder with none yet."""

from app.models.enums import MeetingType
from app.schemas.master_admin.meetings import AdminMeetingCreate

DEFAULT_TEMPLATES = (
    AdminMeetingCreate(
        title="Discovery call",
        type=MeetingType.DISCOVERY,
        duration_minutes=45,
        agenda=(
            "1. Introductions and the goal of the call (5 min)\n"
            "2. How they source and run deals today (15 min)\n"
            "3. Pains, and what they have tried so far (15 min)\n"
            "4. Decision process, budget and timeline (5 min)\n"
            "5. Agree the next step (5 min)"
        ),
        questions=(
            "How do you find and track deals today?\n"
            "Where does the process break down or cost you the most time?\n"
            "What have you tried to fix it, and why did it fall short?\n"
            "Who else would be involved in choosing a tool like this?\n"
            "What would success look like six months from now?"
        ),
        follow_up_tasks=(
            "Send a recap of the pains you heard within 24 hours\n"
            "Book a demo with every decision maker named\n"
            "Log the discovery and update the prospect's status"
        ),
    ),
    AdminMeetingCreate(
        title="Product demo",
        type=MeetingType.DEMO,
        duration_minutes=60,
        agenda=(
            "1. Recap of the pains from discovery (5 min)\n"
            "2. Demo of the workflows that answer those pains (30 min)\n"
            "3. Questions and objections (15 min)\n"
            "4. Pilot or proposal: agree the next step (10 min)"
        ),
        questions=(
            "Which part of what you saw would you use first?\n"
            "What is missing for your team to adopt it?\n"
            "How would you measure whether it works?\n"
            "What stands between us and a decision?"
        ),
        follow_up_tasks=(
            "Send the recording and the slides\n"
            "Answer open questions in writing\n"
            "Send a proposal or pilot plan with a date to review it"
        ),
    ),
    AdminMeetingCreate(
        title="Negotiation",
        type=MeetingType.NEGOTIATION,
        duration_minutes=45,
        agenda=(
            "1. Confirm scope and the value agreed so far (10 min)\n"
            "2. Pricing, terms and their constraints (20 min)\n"
            "3. Trade-offs: what each side can move on (10 min)\n"
            "4. Path to signature (5 min)"
        ),
        questions=(
            "What does your budget look like for this year and next?\n"
            "Which terms matter most to you: price, length, payment schedule?\n"
            "Who needs to approve, and what will they ask?\n"
            "If we agree on this today, what happens next?"
        ),
        follow_up_tasks=(
            "Send the revised proposal within a day\n"
            "Loop in legal or procurement contacts\n"
            "Set a date for the closing call"
        ),
    ),
    AdminMeetingCreate(
        title="Closing call",
        type=MeetingType.CLOSING,
        duration_minutes=30,
        agenda=(
            "1. Walk through the final agreement (10 min)\n"
            "2. Resolve the last open points (10 min)\n"
            "3. Signature, onboarding kickoff and owners (10 min)"
        ),
        questions=(
            "Is anything left that would stop you signing today?\n"
            "Who signs, and when?\n"
            "Who will own onboarding on your side?"
        ),
        follow_up_tasks=(
            "Send the contract for signature\n"
            "Schedule the onboarding kickoff\n"
            "Mark the prospect as won and log the call"
        ),
    ),
)

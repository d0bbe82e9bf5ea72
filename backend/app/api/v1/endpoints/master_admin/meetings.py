from fastapi import APIRouter

router = APIRouter(tags=["Meeting templates"])

from fastapi import APIRouter

router = APIRouter(tags=["Focus sessions"])

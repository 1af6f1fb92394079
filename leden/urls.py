app_name = "leden"

urlpatterns: list = []

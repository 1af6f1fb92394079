app_name = "afspraken"
urlpatterns: list = []

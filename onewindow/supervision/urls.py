from django.urls import path

from onewindow.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.board, name="board"),
    path("cards/", views.card_list, name="cards"),
    path("cards/<int:card_id>/order/", views.order_open_on_card, name="order_open_card"),
    path("cases/<str:number>/order/", views.order_open_on_case, name="order_open_case"),
    path("orders/", views.order_list, name="orders"),
    path("orders/<str:number>/", views.order_detail, name="order"),
    path("orders/<str:number>/act/<slug:action>", views.order_act, name="order_act"),
    path("anomalies/", views.anomalies, name="anomalies"),
]
